/**
 * Controls on the diagram. Each one TYPES the kubectl command it stands for into the terminal (the
 * learner sees it, and its real output or error), except fail-readiness and crash, which have no
 * kubectl equivalent: those call the kubelet's helpers and print a comment line saying so.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Pod, StatefulSet } from '../../core/api/types.ts';
import {
  deletePodCommand,
  deleteStatefulSetCommand,
  partitionCommand,
  podManagementPolicyCommand,
  retentionCommand,
  scaleCommand,
  setImageCommand,
  updateStrategyCommand,
} from '../../state/controlCommands.ts';
import { isPodReady } from '../../state/podStatus.ts';
import { podsOfSet, statefulSetsIn } from '../../state/selectors.ts';
import { useAppStore } from '../hooks/useAppStore.ts';

/** The controls for the selected (or only) StatefulSet and the selected pod. */
export function ControlsPanel() {
  const { t } = useTranslation();
  const { cluster, selected, submit, faultsAvailable } = useAppStore(
    useShallow((s) => ({
      cluster: s.cluster,
      selected: s.selected,
      submit: s.submitCommand,
      faultsAvailable: s.faultsAvailable,
    })),
  );
  const sets = statefulSetsIn(cluster, 'default');
  const pod =
    selected?.kind === 'Pod' ? cluster.pods.find((p) => p.metadata.name === selected.name) : undefined;
  const set =
    sets.find((s) => s.metadata.name === selected?.name && selected?.kind === 'StatefulSet') ??
    sets.find((s) => pod && podsOfSet(cluster, s).includes(pod)) ??
    sets[0];
  return (
    <section className="panel controls" aria-labelledby="controls-title">
      <h2 id="controls-title">{t('controls.title')}</h2>
      {!set ? (
        <p>{t('controls.noSet')}</p>
      ) : (
        <SetControls set={set} pods={podsOfSet(cluster, set)} submit={submit} />
      )}
      {pod && <PodControls pod={pod} submit={submit} faultsAvailable={faultsAvailable} />}
    </section>
  );
}

interface SetControlsProps {
  set: StatefulSet;
  pods: Pod[];
  submit(line: string): boolean;
}

function SetControls({ set, pods, submit }: SetControlsProps) {
  const { t } = useTranslation();
  const name = set.metadata.name;
  const ns = set.metadata.namespace ?? 'default';
  const replicas = set.spec.replicas ?? 1;
  const container = set.spec.template.spec.containers[0];
  const [image, setImage] = useState(container?.image ?? '');
  const [partition, setPartition] = useState(String(set.spec.updateStrategy?.rollingUpdate?.partition ?? 0));
  const [orphan, setOrphan] = useState(false);
  const policy = set.spec.podManagementPolicy ?? 'OrderedReady';
  const strategy = set.spec.updateStrategy?.type ?? 'RollingUpdate';
  const retention = set.spec.persistentVolumeClaimRetentionPolicy ?? {};
  return (
    <fieldset className="control-group" data-testid="set-controls">
      <legend>
        {t('controls.statefulSet')} <code>{name}</code> ({pods.length})
      </legend>
      <div className="row">
        <span>
          {t('controls.replicas')}: <output data-testid="replicas">{replicas}</output>
        </span>
        <button type="button" onClick={() => submit(scaleCommand(name, replicas + 1, ns))}>
          {t('controls.scaleUp')}
        </button>
        <button
          type="button"
          disabled={replicas === 0}
          onClick={() => submit(scaleCommand(name, Math.max(0, replicas - 1), ns))}
        >
          {t('controls.scaleDown')}
        </button>
      </div>
      {container && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            submit(setImageCommand(name, container.name, image.trim(), ns));
          }}
        >
          <label>
            {t('controls.image')}{' '}
            <input value={image} onChange={(e) => setImage(e.target.value)} data-testid="image-input" />
          </label>
          <button type="submit">{t('controls.setImage')}</button>
        </form>
      )}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          const n = Number(partition);
          if (Number.isInteger(n)) submit(partitionCommand(name, n, ns));
        }}
      >
        <label>
          {t('controls.partition')}{' '}
          <input
            type="number"
            min={0}
            value={partition}
            onChange={(e) => setPartition(e.target.value)}
            data-testid="partition-input"
          />
        </label>
        <button type="submit">{t('controls.setPartition')}</button>
      </form>
      <ChoiceRow
        label={t('controls.podManagementPolicy')}
        value={policy}
        options={['OrderedReady', 'Parallel']}
        apply={t('controls.apply')}
        onApply={(v) => submit(podManagementPolicyCommand(name, v as 'OrderedReady' | 'Parallel', ns))}
      />
      <ChoiceRow
        label={t('controls.updateStrategy')}
        value={strategy}
        options={['RollingUpdate', 'OnDelete']}
        apply={t('controls.apply')}
        onApply={(v) => submit(updateStrategyCommand(name, v as 'RollingUpdate' | 'OnDelete', ns))}
      />
      <ChoiceRow
        label={t('controls.whenScaled')}
        value={retention.whenScaled ?? 'Retain'}
        options={['Retain', 'Delete']}
        apply={t('controls.apply')}
        onApply={(v) => submit(retentionCommand(name, 'whenScaled', v as 'Retain' | 'Delete', ns))}
      />
      <ChoiceRow
        label={t('controls.whenDeleted')}
        value={retention.whenDeleted ?? 'Retain'}
        options={['Retain', 'Delete']}
        apply={t('controls.apply')}
        onApply={(v) => submit(retentionCommand(name, 'whenDeleted', v as 'Retain' | 'Delete', ns))}
      />
      <div className="row">
        <label>
          <input type="checkbox" checked={orphan} onChange={(e) => setOrphan(e.target.checked)} />{' '}
          {t('controls.orphan')}
        </label>
        <button
          type="button"
          className="danger"
          onClick={() => submit(deleteStatefulSetCommand(name, orphan, ns))}
        >
          {t('controls.deleteSet')}
        </button>
      </div>
    </fieldset>
  );
}

interface ChoiceRowProps {
  label: string;
  value: string;
  options: string[];
  apply: string;
  onApply(value: string): void;
}

function ChoiceRow({ label, value, options, apply, onApply }: ChoiceRowProps) {
  const [choice, setChoice] = useState(value);
  return (
    <form
      className="row"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(choice);
      }}
    >
      <label>
        {label}{' '}
        <select value={choice} onChange={(e) => setChoice(e.target.value)}>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{apply}</button>
    </form>
  );
}

interface PodControlsProps {
  pod: Pod;
  submit(line: string): boolean;
  faultsAvailable: boolean;
}

function PodControls({ pod, submit, faultsAvailable }: PodControlsProps) {
  const { t } = useTranslation();
  const { setReadinessFailing, crashContainer } = useAppStore(
    useShallow((s) => ({ setReadinessFailing: s.setReadinessFailing, crashContainer: s.crashContainer })),
  );
  const name = pod.metadata.name;
  const ns = pod.metadata.namespace ?? 'default';
  const ready = isPodReady(pod);
  return (
    <fieldset className="control-group" data-testid="pod-controls">
      <legend>
        {t('controls.pod')} <code>{name}</code>
      </legend>
      <div className="row">
        <button type="button" className="danger" onClick={() => submit(deletePodCommand(name, ns))}>
          {t('controls.deletePod')}
        </button>
        {faultsAvailable ? (
          <>
            <button
              type="button"
              onClick={() =>
                setReadinessFailing(
                  ns,
                  name,
                  ready,
                  `${t('controls.notePrefix')} ${t(ready ? 'controls.noteFailReadiness' : 'controls.noteRestoreReadiness', { pod: name })}`,
                )
              }
            >
              {t(ready ? 'controls.failReadiness' : 'controls.restoreReadiness')}
            </button>
            <button
              type="button"
              onClick={() =>
                crashContainer(
                  ns,
                  name,
                  `${t('controls.notePrefix')} ${t('controls.noteCrash', { pod: name })}`,
                )
              }
            >
              {t('controls.crash')}
            </button>
          </>
        ) : (
          <span className="hint">{t('controls.unavailable')}</span>
        )}
      </div>
    </fieldset>
  );
}
