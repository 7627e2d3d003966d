import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { Delegation } from '../../api/types';
import { clientsActedFor, isClient } from '../../lib/roles';
import { useSession } from '../../session/SessionContext';

/** Whose orders or consents a page shows, and the choice of another. */
export interface WhoseClient {
  /** the clients the person acts for */
  clients: Delegation[];
  /** the person's own id */
  self: string;
  /** whether the person has orders of their own (a client) */
  ownAllowed: boolean;
  clientId: string;
  /** the client's name; null for the person's own */
  whose: string | null;
  choose: (clientId: string) => void;
}

/**
 * The client in the address (`?client=`) when the person may see theirs (their own or a client's
 * they act for), else their own when they are a client, else the first client they act for.
 */
export function useWhoseClient(): WhoseClient {
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const actedFor = clientsActedFor(session.viewer!);
  const clients = session.received.filter((d) => actedFor.includes(d.client_id));
  const self = session.user!.id;
  const ownAllowed = isClient(session.viewer!);
  const asked = params.get('client');
  const clientId =
    asked && (asked === self || actedFor.includes(asked)) ? asked : ownAllowed ? self : (clients[0]?.client_id ?? self);
  const whose = clientId === self ? null : (clients.find((d) => d.client_id === clientId)?.client_name ?? null);
  const choose = (id: string) => setParams(id === self ? {} : { client: id });
  return { clients, self, ownAllowed, clientId, whose, choose };
}

/** "Whose": oneself (a client) and each client one acts for; nothing for one who acts for nobody. */
export function WhoseSelect({ label, chosen, testId }: { label: string; chosen: WhoseClient; testId: string }) {
  const { t } = useTranslation();
  const id = useId();
  if (chosen.clients.length === 0) return null;
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={chosen.clientId} onChange={(e) => chosen.choose(e.target.value)} data-testid={testId}>
        {chosen.ownAllowed ? <option value={chosen.self}>{t('myOrders.myself')}</option> : null}
        {chosen.clients.map((d) => (
          <option key={d.client_id} value={d.client_id}>
            {d.client_name}
          </option>
        ))}
      </select>
    </div>
  );
}
