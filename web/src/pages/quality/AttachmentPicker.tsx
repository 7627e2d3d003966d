import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_TYPES, attachmentProblem, formatBytes, MAX_ATTACHMENTS } from '../../lib/quality';
import { useSession } from '../../session/SessionContext';

/** A file chosen to be sent, or the reason it cannot be. */
export interface PickedFile {
  file: File;
  problem: 'type' | 'size' | 'count' | null;
}

/** Adds files to those chosen, each checked (type, size, how many the case may still take). */
export function pickFiles(chosen: readonly PickedFile[], added: readonly File[], already = 0): PickedFile[] {
  const out = [...chosen];
  for (const file of added) {
    const accepted = out.filter((p) => p.problem === null).length;
    out.push({ file, problem: attachmentProblem(file, already + accepted) });
  }
  return out;
}

/**
 * "Photos or documents": a file input that adds to a list (images and PDFs, at most 5 MB each and
 * five in all), each chosen file with its size and a Remove button; a file that cannot be sent is
 * said at the field, in words.
 */
export function AttachmentPicker({
  files,
  onChange,
  already = 0,
  errors,
  label,
}: {
  files: readonly PickedFile[];
  onChange: (files: PickedFile[]) => void;
  /** how many files the case has already */
  already?: number;
  errors?: string[] | undefined;
  label?: string;
}) {
  const { t } = useTranslation();
  const { language } = useSession();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const problems = files
    .filter((f) => f.problem !== null)
    .map((f) => t(`quality.files.problem.${f.problem}`, { name: f.file.name, max: MAX_ATTACHMENTS }));
  const allErrors = [...problems, ...(errors ?? [])];
  const invalid = allErrors.length > 0;
  return (
    <div className={`field${invalid ? ' field-invalid' : ''}`} data-testid="attachment-picker">
      <label htmlFor={id}>{label ?? t('quality.files.label')}</label>
      <p className="field-hint" id={`${id}-hint`}>
        {t('quality.files.hint', { max: MAX_ATTACHMENTS })}
      </p>
      {invalid ? (
        <p className="field-error" id={`${id}-error`}>
          <span aria-hidden="true" className="field-error-icon">
            !
          </span>{' '}
          {allErrors.join(' ')}
        </p>
      ) : null}
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept={ATTACHMENT_TYPES.join(',')}
        aria-invalid={invalid || undefined}
        aria-describedby={[invalid ? `${id}-error` : '', `${id}-hint`].filter(Boolean).join(' ')}
        onChange={(e) => {
          const added = [...(e.target.files ?? [])];
          onChange(pickFiles(files, added, already));
          // The same file may be chosen again after it was removed.
          e.target.value = '';
        }}
        data-testid="attachment-input"
      />
      {files.length > 0 ? (
        <ul className="file-list" data-testid="chosen-files">
          {files.map((f, i) => (
            <li key={`${f.file.name}-${i}`} data-testid="chosen-file" data-problem={f.problem ?? ''}>
              <span className="file-name">{f.file.name}</span>
              <span className="small muted">{formatBytes(f.file.size, language)}</span>
              <button
                type="button"
                className="button button-link"
                aria-label={`${t('quality.files.remove')}: ${f.file.name}`}
                onClick={() => {
                  const rest = files.filter((_, j) => j !== i).map((p) => p.file);
                  onChange(pickFiles([], rest, already));
                  input.current?.focus();
                }}
              >
                {t('quality.files.remove')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
