/**
 * Small inline SVG icons for buttons and lists. Glyphs such as ⏸ ⏭ ⏳ exist only in emoji fonts and
 * show as empty boxes where none is installed (e.g. a stock Debian Chromium); these paths draw the
 * same on every machine. Icons are decorative: the text next to them (or the control's label) carries
 * the meaning, so they are hidden from assistive technology.
 */

/** The icons the lab draws. */
export type IconName = 'play' | 'pause' | 'step' | 'wait';

/** Path data on a 16 × 16 grid, filled with the current text colour. */
const PATHS: Record<IconName, string> = {
  play: 'M4 2.5v11l9.5-5.5z',
  pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
  // a play triangle up to a bar: "one step forward"
  step: 'M2.5 2.5v11l8-5.5zM11 2.5h2.5v11H11z',
  // an hourglass: two triangles meeting at the waist, closed top and bottom
  wait: 'M3 1.5h10v1.5L9 8l4 5v1.5H3V13l4-5-4-5z',
};

export interface IconProps {
  name: IconName;
}

/** An icon sized to the surrounding text (1em), aligned with its baseline. */
export function Icon({ name }: IconProps) {
  return (
    <svg
      className={`icon icon-${name}`}
      viewBox="0 0 16 16"
      width="1em"
      height="1em"
      aria-hidden="true"
      focusable="false"
      data-icon={name}
    >
      <path d={PATHS[name]} fill="currentColor" />
    </svg>
  );
}
