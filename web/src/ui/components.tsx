// The design system's building blocks. Every page uses these, so spacing, focus, errors and
// direction behave the same everywhere.
import {
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  useEffect,
  useId,
  useRef,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function Button({
  variant = 'primary',
  className = '',
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'warning' }) {
  const kind = variant === 'primary' ? '' : variant;
  return <button type="button" className={`button ${kind} ${className}`.trim()} {...props} />;
}

export function ButtonLink({
  to,
  children,
  variant = 'primary',
}: {
  to: string;
  children: ReactNode;
  variant?: 'primary' | 'secondary';
}) {
  return (
    <Link to={to} className={`button ${variant === 'secondary' ? 'secondary' : ''}`.trim()}>
      {children}
    </Link>
  );
}

export function PageHeader({
  caption,
  title,
  lead,
}: {
  caption?: ReactNode;
  title: ReactNode;
  lead?: ReactNode;
}) {
  const { t } = useTranslation('common');
  useEffect(() => {
    document.title = typeof title === 'string' ? `${title} — ${t('appName')}` : t('appName');
  }, [title, t]);
  return (
    <header>
      {caption ? <span className="caption">{caption}</span> : null}
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
    </header>
  );
}

type FieldProps = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  name: string;
};

export function TextField({
  label,
  hint,
  error,
  name,
  className = '',
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-message" id={errorId}>
          <span className="visually-hidden">⚠ </span>
          {error}
        </span>
      ) : null}
      <input
        id={id}
        name={name}
        className={`input ${className}`.trim()}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...input}
      />
    </div>
  );
}

export function SelectField({
  label,
  hint,
  error,
  name,
  children,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = `field-${name}`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field ${error ? 'has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="error-message" id={errorId}>
          {error}
        </span>
      ) : null}
      <select
        id={id}
        name={name}
        className="select"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined}
        {...select}
      >
        {children}
      </select>
    </div>
  );
}

export function RadioGroup<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  error,
}: {
  legend: ReactNode;
  name: string;
  value: T | undefined;
  options: { value: T; label: ReactNode; hint?: ReactNode }[];
  onChange: (value: T) => void;
  error?: string | undefined;
}) {
  const groupId = useId();
  return (
    <div className={`field ${error ? 'has-error' : ''}`} id={`field-${name}`}>
      <fieldset aria-describedby={error ? `${groupId}-error` : undefined}>
        <legend>{legend}</legend>
        {error ? (
          <span className="error-message" id={`${groupId}-error`}>
            {error}
          </span>
        ) : null}
        <div className="choices">
          {options.map((o) => (
            <div className="choice" key={o.value}>
              <input
                type="radio"
                id={`${name}-${o.value}`}
                name={name}
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <label htmlFor={`${name}-${o.value}`}>
                {o.label}
                {o.hint ? <span className="hint">{o.hint}</span> : null}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Notice({
  kind = 'info',
  title,
  children,
  live,
}: {
  kind?: 'info' | 'success' | 'warning' | 'error';
  title?: ReactNode;
  children?: ReactNode;
  live?: boolean;
}) {
  const role = live ? (kind === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`notice ${kind}`} role={role}>
      {title ? <strong className="notice-title">{title}</strong> : null}
      {children}
    </div>
  );
}

/** The list of problems at the top of a form, focused when it appears (GOV.UK pattern). */
export function ErrorSummary({
  title,
  errors,
  detail,
}: {
  title: string;
  errors: Record<string, string>;
  detail?: string | undefined;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { t } = useTranslation('common');
  const entries = Object.entries(errors).filter(([k]) => k !== '_');
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{title || t('errors.summaryTitle')}</h2>
      {detail ? <p>{detail}</p> : null}
      {entries.length ? (
        <ul>
          {entries.map(([field, message]) => (
            <li key={field}>
              <a href={`#field-${field}`}>{message}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation('common');
  return (
    <p role="status">
      <span className="spinner" aria-hidden="true" /> {label ?? t('loading')}
    </p>
  );
}

export function Tag({ children, tone }: { children: ReactNode; tone?: 'green' | 'red' | 'amber' }) {
  return <span className={`tag ${tone ?? ''}`.trim()}>{children}</span>;
}

export function Breadcrumbs({ items }: { items: { label: ReactNode; to?: string }[] }) {
  const { t } = useTranslation('common');
  return (
    <nav className="breadcrumbs" aria-label={t('breadcrumbs')}>
      <ol>
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a trail is positional and never reordered.
          <li key={i}>
            {item.to ? <Link to={item.to}>{item.label}</Link> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

export function SummaryList({ rows }: { rows: { key: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="summary-list">
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are positional and never reordered.
        <div key={i}>
          <dt>{r.key}</dt>
          <dd>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
