import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import type { Lang, Park } from '@zj/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiClient } from '../api/api-client.js';
import type { UserAction } from '../api/user-message.js';
import { entraConfigured, signInWithEntra, type EntraConfig } from '../auth/entra-sign-in.js';
import { loadSession, readDemoToken, saveSession, type Session } from '../auth/session.js';
import { ScopePicker } from '../components/ScopePicker.js';
import { Shell } from '../components/Shell.js';
import { SignInPanel } from '../components/SignInPanel.js';
import { StatusArea } from '../components/StatusArea.js';
import { UiContext } from '../components/ui-context.js';
import type { ExcelPort } from '../excel/excel-port.js';
import { pickLang, translator } from '../i18n/translate.js';
import { ConsolidatorView } from './ConsolidatorView.js';
import { defaultPeriod, periodLabel, periodOptions } from './period-options.js';
import { ReviewerView } from './ReviewerView.js';
import { StatisticianView } from './StatisticianView.js';
import { UploadView } from './UploadView.js';
import { useOperation } from './use-operation.js';

export interface AppProps {
  excel: ExcelPort;
  apiBaseUrl: string;
  /** Office's UI language (Office.context.displayLanguage), or null outside Office. */
  displayLanguage: string | null;
  storage: Storage | null;
  entra: EntraConfig | null;
  entraToken(): Promise<string>;
  now?: Date;
}

const LANG_KEY = 'zj.lang';

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(() => pickLang(props.storage?.getItem(LANG_KEY) ?? null, props.displayLanguage));
  const t = useMemo(() => translator(lang), [lang]);
  const ui = useMemo(() => ({ lang, t }), [lang, t]);
  const [session, setSession] = useState<Session | null>(() => loadSession(props.storage));
  const sessionRef = useRef(session);
  sessionRef.current = session;
  const api = useMemo(() => new ApiClient({ baseUrl: props.apiBaseUrl, token: async () => sessionRef.current?.token ?? null }), [props.apiBaseUrl]);
  const [parks, setParks] = useState<Park[]>([]);
  const names = useMemo(
    () => ({ parkName: (code: string) => parks.find((p) => p.code === code)?.name ?? { zh: code, en: code }, periodLabel }),
    [parks],
  );
  const op = useOperation(props.excel, names);
  const now = props.now ?? new Date();
  const [period, setPeriod] = useState(() => defaultPeriod(now));
  const [park, setPark] = useState<string | null>(session?.actor.park ?? null);
  const actions = useRef(new Map<UserAction, () => void>());

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const signIn = useCallback(
    (next: Session | null) => {
      saveSession(props.storage, next);
      setSession(next);
      setPark(next?.actor.park ?? null);
      setParks([]);
      op.dismiss();
    },
    [op, props.storage],
  );

  // The parks the user may pick: their own, or all of them for the zone consolidator.
  useEffect(() => {
    if (!session) return;
    void op.run('progress_load', async () => {
      const answer = await api.parks();
      const visible = session.actor.park ? answer.parks.filter((p) => p.code === session.actor.park) : answer.parks;
      setParks(visible);
      setPark((current) => current ?? visible[0]?.code ?? null);
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session]);

  const onAction = useCallback(
    (action: UserAction) => {
      if (action === 'retry') void op.retry();
      else if (action === 'sign_in') signIn(null);
      else actions.current.get(action)?.();
    },
    [op, signIn],
  );
  const registerAction = useCallback((action: UserAction, handler: () => void) => void actions.current.set(action, handler), []);

  const parkName = useCallback((code: string) => parks.find((p) => p.code === code)?.name[lang] ?? code, [parks, lang]);
  const toggleLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    props.storage?.setItem(LANG_KEY, next);
    // Messages are data: every one on screen is rendered again in the new language.
    setLang(next);
  };

  const role = session?.actor.role ?? null;
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <UiContext.Provider value={ui}>
        <Shell actor={session?.actor ?? null} parkName={session?.actor.park ? (parks.find((p) => p.code === session.actor.park)?.name[lang] ?? null) : null} onToggleLang={toggleLang} onSignOut={() => signIn(null)}>
          {!props.excel.available() && session && role === 'statistician' && (
            <MessageBar intent="info" layout="multiline" data-testid="browser-mode">
              <MessageBarBody>{t('not_in_excel')}</MessageBarBody>
            </MessageBar>
          )}
          {!session && (
            <SignInPanel
              entraAvailable={entraConfigured(props.entra)}
              onEntra={() => void op.run('progress_load', async () => signIn(await signInWithEntra(props.entra, props.entraToken)))}
              onDemoToken={(token) => {
                const next = readDemoToken(token);
                if (next) signIn(next);
                return next !== null;
              }}
            />
          )}
          {session && (
            <ScopePicker
              parks={role === 'consolidator' ? [] : parks.map((p) => ({ value: p.code, label: p.name[lang] }))}
              park={park}
              onPark={setPark}
              periods={periodOptions(now, t)}
              period={period}
              onPeriod={setPeriod}
            />
          )}
          <StatusArea busy={op.busy} notice={op.notice} onAction={onAction} onDismiss={op.dismiss} />
          {session && role === 'statistician' && park && props.excel.available() && (
            <StatisticianView api={api} excel={props.excel} park={park} period={period} op={op} registerAction={registerAction} />
          )}
          {session && role === 'statistician' && park && !props.excel.available() && (
            <UploadView api={api} park={park} parkName={parkName(park)} period={period} op={op} />
          )}
          {session && role === 'reviewer' && park && <ReviewerView api={api} park={park} parkName={parkName(park)} period={period} op={op} />}
          {session && role === 'consolidator' && <ConsolidatorView api={api} excel={props.excel} period={period} parkName={parkName} op={op} />}
        </Shell>
      </UiContext.Provider>
    </FluentProvider>
  );
}
