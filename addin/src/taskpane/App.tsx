import { FluentProvider, MessageBar, MessageBarBody, webLightTheme } from '@fluentui/react-components';
import type { AuthInfoResponse, Lang, Park } from '@zj/shared';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiClient } from '../api/api-client.js';
import { toUserMessage, type UserAction } from '../api/user-message.js';
import type { EntraAuth } from '../auth/entra-auth.js';
import { actorOf, loadDemoToken, readDemoToken, saveDemoToken, type Session } from '../auth/session.js';
import { ScopePicker } from '../components/ScopePicker.js';
import { Shell } from '../components/Shell.js';
import { SignedInCard } from '../components/SignedInCard.js';
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
  /** Sign-in with Microsoft Entra ID, where this build is configured for it (src/auth/entra-auth.ts). */
  entra: Promise<EntraAuth> | null;
  now?: Date;
}

/** How the API calls of this pane get their token: the demo token, or MSAL's for each call. */
type Credential = { method: 'demo'; token: string } | { method: 'entra' };

const LANG_KEY = 'zj.lang';

export function App(props: AppProps) {
  const [lang, setLang] = useState<Lang>(() => pickLang(props.storage?.getItem(LANG_KEY) ?? null, props.displayLanguage));
  const t = useMemo(() => translator(lang), [lang]);
  const ui = useMemo(() => ({ lang, t }), [lang, t]);
  const [session, setSession] = useState<Session | null>(null);
  const [authInfo, setAuthInfo] = useState<AuthInfoResponse | null>(null);
  const [checking, setChecking] = useState(true);
  // The credential being tried or in use: API calls take their token from it.
  const credential = useRef<Credential | null>(null);
  const api = useMemo(
    () =>
      new ApiClient({
        baseUrl: props.apiBaseUrl,
        token: async ({ forceRefresh }) => {
          const c = credential.current;
          if (c === null) return null;
          if (c.method === 'demo') return c.token;
          return (await props.entra!).token({ forceRefresh });
        },
      }),
    [props.apiBaseUrl, props.entra],
  );
  const [parks, setParks] = useState<Park[]>([]);
  const names = useMemo(() => ({ parkName: (code: string) => parks.find((p) => p.code === code)?.name ?? { zh: code, en: code }, periodLabel }), [parks]);
  const op = useOperation(props.excel, names);
  const now = props.now ?? new Date();
  const [period, setPeriod] = useState(() => defaultPeriod(now));
  const [park, setPark] = useState<string | null>(null);
  const actions = useRef(new Map<UserAction, () => void>());

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  /** Signs in with `next`: the API says who this is (GET /me), the first screen shows it. */
  const establish = useCallback(
    async (next: Credential) => {
      credential.current = next;
      try {
        const me = await api.me();
        saveDemoToken(props.storage, next.method === 'demo' ? next.token : null);
        setSession({ method: next.method, token: next.method === 'demo' ? next.token : null, me });
        setPark(me.park?.code ?? null);
        setParks([]);
      } catch (error) {
        credential.current = null;
        throw error;
      }
    },
    [api, props.storage],
  );

  const signOut = useCallback(() => {
    const was = credential.current;
    credential.current = null;
    saveDemoToken(props.storage, null);
    setSession(null);
    setPark(null);
    setParks([]);
    op.dismiss();
    if (was?.method === 'entra') void props.entra?.then((entra) => entra.signOut());
  }, [op, props.entra, props.storage]);

  // First: how the API signs people in, and whether this user is signed in already (a demo
  // token kept from before; an Entra ID account in MSAL's cache, or Office's own with NAA).
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the pane opens; a later sign-in goes through its own actions, not through this effect.
  useEffect(() => {
    void op.run('progress_load', async () => {
      try {
        const info = await api.authInfo();
        setAuthInfo(info);
        const demo = info.devTokens ? loadDemoToken(props.storage) : null;
        if (demo) {
          await establish({ method: 'demo', token: demo }).catch((error: unknown) => {
            saveDemoToken(props.storage, null);
            if (!(error instanceof Error && 'status' in error && error.status === 401)) throw error;
          });
        } else if (props.entra && info.authMode !== 'dev-token' && (await (await props.entra).restore())) {
          await establish({ method: 'entra' });
        }
      } finally {
        setChecking(false);
      }
    });
  }, []);

  const signInWithEntra = useCallback(() => {
    void op.run('progress_sign_in', async () => {
      await (await props.entra!).signIn();
      await establish({ method: 'entra' });
    });
  }, [establish, op, props.entra]);

  // The parks the user may pick: their own, or all of them for the zone consolidator.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per session: `op` and `api` are new objects on each sign-in, which `session` already stands for.
  useEffect(() => {
    if (!session) return;
    void op.run('progress_load', async () => {
      const answer = await api.parks();
      const own = session.me.park?.code ?? null;
      const visible = own ? answer.parks.filter((p) => p.code === own) : answer.parks;
      setParks(visible);
      setPark((current) => current ?? visible[0]?.code ?? null);
    });
  }, [session]);
  // A catalogue version published from this pane (a park onboarded): its parks read again, quietly, so the message about it stays.
  const reloadParks = useCallback(
    () =>
      void api.parks().then(
        (answer) => setParks(answer.parks),
        () => undefined,
      ),
    [api],
  );

  const onAction = useCallback(
    (action: UserAction) => {
      if (action === 'retry') void op.retry();
      else if (action === 'sign_in') {
        if (credential.current?.method !== 'entra' || !props.entra) return signOut();
        // Sign in again, then run what was refused once more: the pane and the sheet stay as they are.
        void (async () => {
          try {
            await (await props.entra!).signIn();
          } catch (error) {
            const message = toUserMessage(error, names);
            return op.notify('error', message.message, message.actions);
          }
          await op.retry();
        })();
      } else actions.current.get(action)?.();
    },
    [names, op, props.entra, signOut],
  );
  const registerAction = useCallback((action: UserAction, handler: () => void) => void actions.current.set(action, handler), []);

  const parkName = useCallback((code: string) => parks.find((p) => p.code === code)?.name[lang] ?? code, [parks, lang]);
  const toggleLang = () => {
    const next: Lang = lang === 'zh' ? 'en' : 'zh';
    props.storage?.setItem(LANG_KEY, next);
    // Messages are data: every one on screen is rendered again in the new language.
    setLang(next);
  };

  const actor = session ? actorOf(session.me) : null;
  const role = actor?.role ?? null;
  return (
    <FluentProvider theme={webLightTheme} lang={lang === 'zh' ? 'zh-CN' : 'en'}>
      <UiContext.Provider value={ui}>
        <Shell actor={actor} parkName={session?.me.park?.name[lang] ?? null} onToggleLang={toggleLang} onSignOut={signOut}>
          {!props.excel.available() && session && role === 'statistician' && (
            <MessageBar intent="info" layout="multiline" data-testid="browser-mode">
              <MessageBarBody>{t('not_in_excel')}</MessageBarBody>
            </MessageBar>
          )}
          {!session && (
            <SignInPanel
              checking={checking}
              // Work accounts wherever the API takes Entra ID tokens (or its mode is not known yet).
              entraOffered={authInfo ? authInfo.authMode !== 'dev-token' : props.entra !== null}
              entraConfigured={props.entra !== null}
              devTokens={authInfo?.devTokens ?? false}
              onEntra={signInWithEntra}
              onDemoToken={(token) => {
                const demo = readDemoToken(token);
                if (demo) void op.run('progress_sign_in', () => establish({ method: 'demo', token: demo.token }));
                return demo !== null;
              }}
            />
          )}
          {session && <SignedInCard me={session.me} />}
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
          {session && role === 'consolidator' && (
            <ConsolidatorView
              api={api}
              excel={props.excel}
              period={period}
              parkName={parkName}
              op={op}
              storage={props.storage}
              onCatalogueChanged={reloadParks}
            />
          )}
        </Shell>
      </UiContext.Provider>
    </FluentProvider>
  );
}
