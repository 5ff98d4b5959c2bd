import { Divider } from '@fluentui/react-components';
import type { ReturnResponse, ReturnVersion, TemplateModel } from '@zj/shared';
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/api-client.js';
import { withOlderPage } from '../api/return-pages.js';
import { SubmissionView, type FieldInfo } from '../components/SubmissionView.js';
import { VersionHistory } from '../components/VersionHistory.js';
import type { Operation } from './use-operation.js';

/**
 * 历史版本 of one park's return for one period, as the statistician sees it in Excel and in a
 * browser alike: the list of versions (shown on request, refreshed after a submission; the
 * newest page first, 更早的版本 adding the page below), and the version opened from it. A new
 * park or period starts with neither.
 */
export function useReturnHistory(args: { api: ApiClient; park: string; period: string; op: Operation; loadTemplate(): Promise<TemplateModel> }) {
  const { api, park, period, op, loadTemplate } = args;
  const [history, setHistory] = useState<ReturnResponse | null>(null);
  const [opened, setOpened] = useState<ReturnVersion | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: park and period are what the state is reset for, not what the effect reads.
  useEffect(() => {
    setHistory(null);
    setOpened(null);
  }, [park, period]);

  const refresh = useCallback(async () => {
    setHistory(await api.getReturn(park, period));
  }, [api, park, period]);

  const show = useCallback(
    () =>
      op.run('progress_load', async () => {
        await loadTemplate();
        await refresh();
      }),
    [loadTemplate, op, refresh],
  );

  // 更早的版本: the page below the pages shown (the last page's `next` token), added under them.
  const more = useCallback(
    () =>
      op.run('progress_load', async () => {
        const next = history?.next;
        if (!next) return;
        const older = await api.getReturn(park, period, next);
        setHistory((shown) => (shown ? withOlderPage(shown, older) : shown));
      }),
    [api, history, op, park, period],
  );

  const open = useCallback(
    (version: number) =>
      op.run('progress_load', async () => {
        setOpened(await api.getVersion(park, period, version));
      }),
    [api, op, park, period],
  );

  return { history, opened, refresh, show, more, open };
}

/** The history list and the version opened from it, under the pane's other sections. */
export function ReturnHistory(props: {
  history: ReturnResponse | null;
  opened: ReturnVersion | null;
  fields: ReadonlyMap<string, FieldInfo>;
  onOpen(version: number): void;
  onMore(): void;
  busy: boolean;
}) {
  return (
    <>
      {props.history && (
        <>
          <Divider />
          <VersionHistory history={props.history} onOpen={props.onOpen} onMore={props.onMore} loadingMore={props.busy} />
        </>
      )}
      {props.opened && <SubmissionView version={props.opened} fields={props.fields} />}
    </>
  );
}
