// Who is signed in, their roles and delegations, and the language they read.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import * as api from '../api/client';
import type { ApiError } from '../api/problem';
import type { Delegation, Language, Membership, Region, User } from '../api/types';
import { rememberLanguage } from '../i18n';
import type { Viewer } from '../lib/roles';

type Status = 'loading' | 'anonymous' | 'signedIn';

export interface SessionState {
  status: Status;
  user: User | null;
  etag: string | null;
  memberships: Membership[];
  received: Delegation[];
  regions: Region[];
  /** Set when a session ended under the user's feet (expired, revoked elsewhere). */
  sessionEnded: boolean;
  /** Set when the server could not say who is signed in (down, or a bug): the error page shows. */
  loadError: unknown;
}

export interface SessionApi extends SessionState {
  viewer: Viewer | null;
  language: Language;
  /** The zone stored times are shown in: the region of the first membership, else the browser's. */
  timeZone: string | undefined;
  signedIn: (user: User) => Promise<void>;
  refresh: () => Promise<void>;
  signOut: () => Promise<void>;
  forgetSession: () => void;
  setLanguage: (lang: Language) => Promise<void>;
  setUser: (user: User, etag: string) => void;
}

const SessionContext = createContext<SessionApi | null>(null);

const empty: SessionState = {
  status: 'loading',
  user: null,
  etag: null,
  memberships: [],
  received: [],
  regions: [],
  sessionEnded: false,
  loadError: null,
};

export function SessionProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const [state, setState] = useState<SessionState>(empty);
  const stateRef = useRef(state);
  stateRef.current = state;

  const applyLanguage = useCallback(
    (lang: Language) => {
      rememberLanguage(lang);
      document.documentElement.lang = lang;
      if (i18n.language !== lang) void i18n.changeLanguage(lang);
    },
    [i18n],
  );

  const loadRest = useCallback(async (user: User, etag: string) => {
    applyLanguage(user.language);
    const [memberships, delegations, regions] = await Promise.all([
      api.listMemberships().catch(() => [] as Membership[]),
      api.listDelegations().catch(() => ({ given: [], received: [] as Delegation[] })),
      api.listRegions().catch(() => [] as Region[]),
    ]);
    setState({
      status: 'signedIn',
      user,
      etag,
      memberships,
      received: delegations.received,
      regions,
      sessionEnded: false,
      loadError: null,
    });
  }, [applyLanguage]);

  const refresh = useCallback(async () => {
    try {
      const me = await api.getMe({ quiet: true });
      await loadRest(me.value, me.etag);
    } catch (e) {
      api.setCsrfToken(null);
      const unexpected = (e as ApiError).status !== 401;
      setState((s) => ({ ...empty, status: 'anonymous', sessionEnded: s.sessionEnded, loadError: unexpected ? e : null }));
    }
  }, [loadRest]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const forgetSession = useCallback(() => {
    api.setCsrfToken(null);
    setState({ ...empty, status: 'anonymous' });
  }, []);

  useEffect(
    () =>
      api.onApiError((error) => {
        if (error.status === 401 && stateRef.current.status === 'signedIn') {
          api.setCsrfToken(null);
          setState({ ...empty, status: 'anonymous', sessionEnded: true });
          navigate('/login', { replace: true });
        } else if (error.isMfaRequired) {
          navigate('/profile/security?required=1');
        }
      }),
    [navigate],
  );

  const signedIn = useCallback(
    async (user: User) => {
      // The log-in answer has the user; GET /me adds the ETag PATCH needs.
      const me = await api.getMe();
      await loadRest(me.value ?? user, me.etag);
    },
    [loadRest],
  );

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } finally {
      forgetSession();
    }
  }, [forgetSession]);

  const setUser = useCallback(
    (user: User, etag: string) => {
      applyLanguage(user.language);
      setState((s) => ({ ...s, user, etag }));
    },
    [applyLanguage],
  );

  const setLanguage = useCallback(
    async (lang: Language) => {
      const s = stateRef.current;
      applyLanguage(lang);
      if (s.status === 'signedIn' && s.etag && s.user && s.user.language !== lang) {
        try {
          const updated = await api.updateMe(s.etag, { language: lang });
          setState((prev) => ({ ...prev, user: updated.value, etag: updated.etag }));
        } catch (e) {
          if ((e as ApiError).status === 412) {
            // Changed in another tab: take the fresh profile and try once more.
            const me = await api.getMe();
            const updated = await api.updateMe(me.etag, { language: lang });
            setState((prev) => ({ ...prev, user: updated.value, etag: updated.etag }));
          } else {
            throw e;
          }
        }
      }
    },
    [applyLanguage],
  );

  const value = useMemo<SessionApi>(() => {
    const viewer: Viewer | null = state.user
      ? { user: state.user, memberships: state.memberships, received: state.received }
      : null;
    const firstRegion = state.memberships[0]?.region_id;
    const timeZone = state.regions.find((r) => r.id === firstRegion)?.time_zone;
    return {
      ...state,
      viewer,
      language: (i18n.language as Language) ?? 'en',
      timeZone,
      signedIn,
      refresh,
      signOut,
      forgetSession,
      setLanguage,
      setUser,
    };
  }, [state, i18n.language, signedIn, refresh, signOut, forgetSession, setLanguage, setUser]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}
