import { formatDate, formatDateTime } from '../lib/format';
import { useSession } from '../session/SessionContext';

/** A time in the reader's language and the region's zone, machine-readable in dateTime. */
export function DateTime({ value, dateOnly = false }: { value: string | null | undefined; dateOnly?: boolean }) {
  const { language, timeZone } = useSession();
  if (!value) return null;
  const text = dateOnly ? formatDate(value, language, { timeZone }) : formatDateTime(value, language, { timeZone });
  return <time dateTime={value}>{text}</time>;
}
