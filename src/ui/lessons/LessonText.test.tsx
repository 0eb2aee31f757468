// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { inlineParts, LessonText, pick } from './LessonText.tsx';

describe('lesson text', () => {
  it('splits `code` spans and keeps an unmatched backtick as text', () => {
    expect(inlineParts('Run `kubectl get pods` now')).toEqual([
      { code: false, text: 'Run ' },
      { code: true, text: 'kubectl get pods' },
      { code: false, text: ' now' },
    ]);
    expect(inlineParts('a `b` c `d')).toEqual([
      { code: false, text: 'a ' },
      { code: true, text: 'b' },
      { code: false, text: ' c `d' },
    ]);
  });

  it('picks the page language', () => {
    expect(pick({ ja: 'はい', en: 'yes' }, 'ja')).toBe('はい');
    expect(pick({ ja: 'はい', en: 'yes' }, 'en')).toBe('yes');
  });

  it('renders markup in lesson text as text, never as HTML', () => {
    const hostile = '<img src=x onerror="alert(1)"> and `<script>alert(2)</script>`';
    const { container } = render(<LessonText text={{ ja: hostile, en: hostile }} lang="en" />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"> and <script>alert(2)</script>');
    expect(container.querySelector('code')?.textContent).toBe('<script>alert(2)</script>');
  });
});
