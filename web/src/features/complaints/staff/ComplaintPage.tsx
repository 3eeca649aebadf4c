// A complaint as the agency handles it: what was filed and by whom, the actions its state allows
// (triage, start, answer from a template, merge a duplicate, point to another body, dismiss, close),
// public updates and private messages to the complainant, internal notes, and moderation of what
// the public sees — with who moderated what, and the original kept.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../lib/api.ts';
import { formatDate, type Locale } from '../../../lib/i18n.ts';
import { useSession } from '../../../lib/session.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  SelectField,
  SummaryList,
  Tag,
  TextField,
} from '../../../ui/components.tsx';
import { PRIORITIES, type StaffView, type Template, tr, useBodies, useCategories } from '../api.ts';
import { megabytes, pointText, StatusTag, TextArea, useLocale } from '../components.tsx';
import { PublicBody } from '../TrackPage.tsx';
import { useSubmit } from '../use-submit.ts';
import { DeadlineTag, PriorityTag } from './shared.tsx';
import '../complaints.css';
import '../i18n.ts';

const UNITS = ['control', 'legal', 'studies', 'reception', 'geomatics'] as const;

type Refresh = () => Promise<void>;

/** The words a timeline event carries (an answer, a note, a reason, an update), for the staff's history. */
function payloadText(payload: Record<string, unknown>): string | null {
  for (const key of ['answer', 'text', 'note', 'reason', 'grounds']) {
    const value = payload[key];
    if (typeof value === 'string' && value.trim()) return value;
  }
  const reasons = payload.reasons;
  return Array.isArray(reasons) ? reasons.filter((r) => typeof r === 'string').join('\n') : null;
}

function Form({
  title,
  children,
  onSubmit,
  pending,
  submit,
  problem,
  errors,
  open,
}: {
  title: string;
  children: ReactNode;
  onSubmit: (e: React.FormEvent) => void;
  pending: boolean;
  submit: string;
  problem: { title: string; detail?: string | undefined } | null;
  errors: Record<string, string>;
  open?: boolean;
}) {
  return (
    <details className="action" open={open}>
      <summary>{title}</summary>
      <form className="action-form" onSubmit={onSubmit} noValidate>
        {problem ? <ErrorSummary title={problem.title} detail={problem.detail} errors={errors} /> : null}
        {children}
        <Button type="submit" disabled={pending}>
          {submit}
        </Button>
      </form>
    </details>
  );
}

/** A template chooser that fills a text area: the agent then adapts the text. */
function TemplatePicker({
  templates,
  kind,
  locale,
  setLocale,
  reference,
  onPick,
  name,
}: {
  templates: Template[];
  kind: Template['kind'];
  locale: Locale;
  setLocale: (l: Locale) => void;
  reference: string;
  onPick: (body: string, id: string) => void;
  name: string;
}) {
  const { t } = useTranslation('complaints');
  const mine = templates.filter((x) => x.kind === kind && x.locale === locale);
  return (
    <div className="template-picker">
      <SelectField
        label={t('staff.templateLanguage')}
        name={`${name}-language`}
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
      >
        <option value="ar">العربية</option>
        <option value="fr">Français</option>
        <option value="en">English</option>
      </SelectField>
      <SelectField
        label={t('staff.template')}
        hint={mine.length ? undefined : t('staff.noTemplate')}
        name={`${name}-template`}
        value=""
        onChange={(e) => {
          const picked = mine.find((x) => x.id === e.target.value);
          if (picked) onPick(picked.body.replaceAll('{reference}', reference), picked.id);
        }}
      >
        <option value="">{t('staff.pickTemplate')}</option>
        {mine.map((x) => (
          <option key={x.id} value={x.id}>
            {x.title}
            {x.categoryCode ? '' : ` (${t('staff.anyCategory')})`}
          </option>
        ))}
      </SelectField>
    </div>
  );
}

function Transitions({ view, refresh }: { view: StaffView; refresh: Refresh }) {
  const { t } = useTranslation('complaints');
  const locale = useLocale();
  const me = useSession().data?.user;
  const c = view.complaint;
  const reference = c.reference ?? '';
  const categories = useCategories(view.publicPreview.agency.code);
  const bodies = useBodies();
  const people = useQuery({
    queryKey: ['staff', 'assignees'],
    queryFn: () =>
      api.get<{ people: { id: string; fullName: string; agencyId: string }[] }>('/api/staff/assignees'),
  });
  const [templateLocale, setTemplateLocale] = useState<Locale>(c.applicant.locale);
  const [triage, setTriage] = useState({
    category: c.category.code,
    priority: c.priority ?? 'normal',
    unit: c.unit ?? '',
    assigneeId: view.case.assignee?.id ?? me?.id ?? '',
  });
  const [answer, setAnswer] = useState({ text: '', templateId: '' });
  const [note, setNote] = useState('');
  const [merge, setMerge] = useState({ duplicateOf: '', note: '' });
  const [redirect, setRedirect] = useState({ bodyCode: '', note: '' });
  const [reason, setReason] = useState('');
  const fire = (key: string, input: Record<string, unknown>) =>
    api.post(`/api/cases/${c.caseId}/transitions/${key}`, { version: view.case.version, input });
  const has = (key: string) => view.case.actions.some((a) => a.key === key);
  const forms = {
    triage: useSubmit(
      () =>
        fire('triage', {
          category: triage.category,
          priority: triage.priority,
          unit: triage.unit,
          ...(triage.assigneeId ? { assigneeId: triage.assigneeId } : {}),
        }),
      refresh,
    ),
    start: useSubmit(() => fire('start', note.trim() ? { note } : {}), refresh),
    answer: useSubmit(
      () =>
        fire('answer', {
          answer: answer.text,
          ...(answer.templateId ? { templateId: answer.templateId } : {}),
        }),
      refresh,
    ),
    merge: useSubmit(
      () =>
        fire('merge', {
          duplicateOf: merge.duplicateOf.trim().toUpperCase(),
          ...(merge.note.trim() ? { note: merge.note } : {}),
        }),
      refresh,
    ),
    redirect: useSubmit(() => fire('redirect', redirect), refresh),
    dismiss: useSubmit(() => fire('dismiss', { reasons: [reason] }), refresh),
    close: useSubmit(() => fire('close', {}), refresh),
  };
  const colleagues = (people.data?.people ?? []).filter((p) => p.agencyId === c.agencyId);
  if (!view.case.actions.length) return <p className="muted">{t('staff.noActions')}</p>;
  return (
    <div className="actions">
      {has('triage') ? (
        <Form
          title={t('staff.triage')}
          open={view.case.state.key === 'submitted'}
          onSubmit={(e) => void forms.triage.run(e)}
          pending={forms.triage.pending}
          submit={t('staff.triageSubmit')}
          problem={forms.triage.problem}
          errors={forms.triage.fieldErrors}
        >
          <SelectField
            label={t('public.category')}
            name="category"
            value={triage.category}
            onChange={(e) => setTriage({ ...triage, category: e.target.value })}
            error={forms.triage.fieldErrors.category}
          >
            {(categories.data ?? []).map((x) => (
              <option key={x.code} value={x.code}>
                {tr(locale, x.name)}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('staff.priority')}
            name="priority"
            value={triage.priority}
            onChange={(e) => setTriage({ ...triage, priority: e.target.value as typeof triage.priority })}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {t(`priority.${p}`)}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('staff.unit')}
            hint={t('staff.unitHint')}
            name="unit"
            list="complaint-units"
            value={triage.unit}
            onChange={(e) => setTriage({ ...triage, unit: e.target.value })}
            error={forms.triage.fieldErrors.unit}
          />
          <datalist id="complaint-units">
            {UNITS.map((u) => (
              <option key={u} value={t(`units.${u}`)} />
            ))}
          </datalist>
          <SelectField
            label={t('staff.assignTo')}
            name="assigneeId"
            value={triage.assigneeId}
            onChange={(e) => setTriage({ ...triage, assigneeId: e.target.value })}
            error={forms.triage.fieldErrors.assigneeId}
          >
            <option value="">{t('staff.nobody')}</option>
            {colleagues.map((p) => (
              <option key={p.id} value={p.id}>
                {p.fullName}
                {p.id === me?.id ? ` (${t('staff.me')})` : ''}
              </option>
            ))}
          </SelectField>
        </Form>
      ) : null}
      {has('answer') ? (
        <Form
          title={t('staff.answer')}
          open={['triaged', 'in_progress', 'reopened'].includes(view.case.state.key)}
          onSubmit={(e) => void forms.answer.run(e)}
          pending={forms.answer.pending}
          submit={t('staff.answerSubmit')}
          problem={forms.answer.problem}
          errors={forms.answer.fieldErrors}
        >
          <TemplatePicker
            templates={view.templates}
            kind="answer"
            locale={templateLocale}
            setLocale={setTemplateLocale}
            reference={reference}
            name="answer"
            onPick={(text, id) => setAnswer({ text, templateId: id })}
          />
          <TextArea
            label={t('staff.answerText')}
            hint={t(c.isPublic ? 'staff.answerPublic' : 'staff.answerPrivate')}
            name="answer"
            rows={7}
            value={answer.text}
            onChange={(e) => setAnswer({ ...answer, text: e.target.value })}
            error={forms.answer.fieldErrors.answer}
          />
        </Form>
      ) : null}
      {has('start') ? (
        <Form
          title={t('staff.start')}
          onSubmit={(e) => void forms.start.run(e)}
          pending={forms.start.pending}
          submit={t('staff.startSubmit')}
          problem={forms.start.problem}
          errors={forms.start.fieldErrors}
        >
          <TextArea
            label={t('staff.startNote')}
            name="note"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={forms.start.fieldErrors.note}
          />
        </Form>
      ) : null}
      {has('merge') ? (
        <Form
          title={t('staff.merge')}
          onSubmit={(e) => void forms.merge.run(e)}
          pending={forms.merge.pending}
          submit={t('staff.mergeSubmit')}
          problem={forms.merge.problem}
          errors={forms.merge.fieldErrors}
        >
          {view.suggestedDuplicates.length ? (
            <div className="field">
              <p className="hint">{t('staff.suggestions')}</p>
              <ul className="file-list">
                {view.suggestedDuplicates.map((d) => (
                  <li key={d.caseId}>
                    <button
                      type="button"
                      className="link ltr"
                      onClick={() => setMerge({ ...merge, duplicateOf: d.reference })}
                    >
                      {d.reference}
                    </button>{' '}
                    <span className="muted">
                      {formatDate(d.depositedAt, locale, { dateStyle: 'medium' })}
                      {d.distanceMeters !== null
                        ? ` · ${t('staff.metres', { count: d.distanceMeters })}`
                        : ''}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <TextField
            label={t('staff.duplicateOf')}
            hint={t('staff.duplicateOfHint')}
            name="duplicateOf"
            dir="ltr"
            value={merge.duplicateOf}
            onChange={(e) => setMerge({ ...merge, duplicateOf: e.target.value })}
            error={forms.merge.fieldErrors.duplicateOf}
          />
          <TemplatePicker
            templates={view.templates}
            kind="duplicate"
            locale={templateLocale}
            setLocale={setTemplateLocale}
            reference={reference}
            name="merge"
            onPick={(text) => setMerge({ ...merge, note: text })}
          />
          <TextArea
            label={t('staff.noteToComplainant')}
            name="note"
            rows={3}
            value={merge.note}
            onChange={(e) => setMerge({ ...merge, note: e.target.value })}
          />
        </Form>
      ) : null}
      {has('redirect') ? (
        <Form
          title={t('staff.redirect')}
          onSubmit={(e) => void forms.redirect.run(e)}
          pending={forms.redirect.pending}
          submit={t('staff.redirectSubmit')}
          problem={forms.redirect.problem}
          errors={forms.redirect.fieldErrors}
        >
          <SelectField
            label={t('staff.body')}
            name="bodyCode"
            value={redirect.bodyCode}
            onChange={(e) => setRedirect({ ...redirect, bodyCode: e.target.value })}
            error={forms.redirect.fieldErrors.bodyCode}
          >
            <option value="">{t('choose')}</option>
            {(bodies.data ?? []).map((b) => (
              <option key={b.code} value={b.code}>
                {tr(locale, b.name)}
              </option>
            ))}
          </SelectField>
          <TemplatePicker
            templates={view.templates}
            kind="not_competent"
            locale={templateLocale}
            setLocale={setTemplateLocale}
            reference={reference}
            name="redirect"
            onPick={(text) => setRedirect({ ...redirect, note: text })}
          />
          <TextArea
            label={t('staff.noteToComplainant')}
            name="note"
            rows={3}
            value={redirect.note}
            onChange={(e) => setRedirect({ ...redirect, note: e.target.value })}
            error={forms.redirect.fieldErrors.note}
          />
        </Form>
      ) : null}
      {has('dismiss') ? (
        <Form
          title={t('staff.dismiss')}
          onSubmit={(e) => void forms.dismiss.run(e)}
          pending={forms.dismiss.pending}
          submit={t('staff.dismissSubmit')}
          problem={forms.dismiss.problem}
          errors={forms.dismiss.fieldErrors}
        >
          <TextArea
            label={t('staff.dismissReason')}
            name="reasons/0"
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={forms.dismiss.fieldErrors['reasons/0'] ?? forms.dismiss.fieldErrors.reasons}
          />
        </Form>
      ) : null}
      {has('close') ? (
        <div className="action-block">
          <Button variant="secondary" onClick={() => void forms.close.run()} disabled={forms.close.pending}>
            {t('staff.close')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function Writing({ view, refresh }: { view: StaffView; refresh: Refresh }) {
  const { t } = useTranslation('complaints');
  const locale = useLocale();
  const [templateLocale, setTemplateLocale] = useState<Locale>(view.complaint.applicant.locale);
  const [update, setUpdate] = useState({ text: '', templateId: '' });
  const [message, setMessage] = useState('');
  const [note, setNote] = useState('');
  const id = view.complaint.caseId;
  const forms = {
    update: useSubmit(
      () =>
        api.post(`/api/staff/complaints/${id}/updates`, {
          text: update.text,
          ...(update.templateId ? { templateId: update.templateId } : {}),
        }),
      async () => {
        setUpdate({ text: '', templateId: '' });
        await refresh();
      },
    ),
    message: useSubmit(
      () => api.post(`/api/staff/complaints/${id}/messages`, { body: message }),
      async () => {
        setMessage('');
        await refresh();
      },
    ),
    note: useSubmit(
      () => api.post(`/api/staff/cases/${id}/notes`, { body: note }),
      async () => {
        setNote('');
        await refresh();
      },
    ),
  };
  const open = view.case.state.phase === 'open';
  return (
    <>
      {open ? (
        <div className="actions">
          <Form
            title={t('staff.publicUpdate')}
            onSubmit={(e) => void forms.update.run(e)}
            pending={forms.update.pending}
            submit={t('staff.publish')}
            problem={forms.update.problem}
            errors={forms.update.fieldErrors}
          >
            <TemplatePicker
              templates={view.templates}
              kind="update"
              locale={templateLocale}
              setLocale={setTemplateLocale}
              reference={view.complaint.reference ?? ''}
              name="update"
              onPick={(text, templateId) => setUpdate({ text, templateId })}
            />
            <TextArea
              label={t('staff.updateText')}
              hint={t('staff.updateHint')}
              name="text"
              rows={4}
              value={update.text}
              onChange={(e) => setUpdate({ ...update, text: e.target.value })}
              error={forms.update.fieldErrors.text}
            />
          </Form>
          <Form
            title={t('staff.message')}
            onSubmit={(e) => void forms.message.run(e)}
            pending={forms.message.pending}
            submit={t('staff.send')}
            problem={forms.message.problem}
            errors={forms.message.fieldErrors}
          >
            <TextArea
              label={t('staff.messageText')}
              hint={t('staff.messageHint')}
              name="body"
              rows={4}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
              error={forms.message.fieldErrors.body}
            />
          </Form>
        </div>
      ) : null}
      <section aria-labelledby="messages-title">
        <h2 id="messages-title">{t('follow.messagesTitle')}</h2>
        {view.case.messages.length ? (
          <ul className="messages">
            {view.case.messages.map((m) => (
              <li key={m.id} className={m.side === 'staff' ? 'mine' : ''}>
                <span className="muted">
                  {m.side === 'staff' ? (m.authorName ?? t('follow.agency')) : t('staff.complainant')} —{' '}
                  {formatDate(m.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}
                </span>
                <p className="prewrap" dir="auto">
                  {m.body}
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('follow.noMessages')}</p>
        )}
      </section>
      <section aria-labelledby="notes-title" className="internal-notes">
        <h2 id="notes-title">{t('staff.notesTitle')}</h2>
        <p className="hint">{t('staff.notesHint')}</p>
        {view.case.notes.length ? (
          <ul className="messages">
            {view.case.notes.map((n) => (
              <li key={n.id}>
                <span className="muted">
                  {n.authorName} — {formatDate(n.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}
                </span>
                <p className="prewrap" dir="auto">
                  {n.body}
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        <form className="form" onSubmit={(e) => void forms.note.run(e)} noValidate>
          <TextArea
            label={t('staff.addNote')}
            name="note"
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            error={forms.note.fieldErrors.body}
          />
          <Button type="submit" variant="secondary" disabled={forms.note.pending || !note.trim()}>
            {t('staff.saveNote')}
          </Button>
        </form>
      </section>
    </>
  );
}

function Moderation({ view, refresh }: { view: StaffView; refresh: Refresh }) {
  const { t } = useTranslation('complaints');
  const locale = useLocale();
  const id = view.complaint.caseId;
  const preview = view.publicPreview;
  const targets = [
    { value: 'description', label: t('public.description'), current: preview.description },
    ...(view.complaint.address
      ? [{ value: 'address', label: t('public.address'), current: preview.address }]
      : []),
    ...(view.complaint.location ? [{ value: 'location', label: t('public.location'), current: null }] : []),
    ...preview.history
      .filter((h) => h.text || h.withheld)
      .map((h) => ({
        value: `event:${h.id}`,
        label: `${tr(locale, h.label)} — ${formatDate(h.at, locale, { dateStyle: 'medium' })}`,
        current: h.text,
      })),
  ];
  const [target, setTarget] = useState(targets[0]?.value ?? 'description');
  const [text, setText] = useState(targets[0]?.current ?? '');
  const [hidden, setHidden] = useState(false);
  const [reason, setReason] = useState('');
  const [visibilityReason, setVisibilityReason] = useState('');
  const redact = useSubmit(
    () =>
      api.post(`/api/staff/complaints/${id}/redactions`, {
        target,
        reason,
        ...(hidden || target === 'location' ? { hidden: true } : { publicText: text }),
      }),
    async () => {
      setReason('');
      await refresh();
    },
  );
  const visibility = useSubmit(
    () =>
      api.post(`/api/staff/complaints/${id}/visibility`, {
        isPublic: !view.complaint.isPublic,
        reason: visibilityReason,
      }),
    async () => {
      setVisibilityReason('');
      await refresh();
    },
  );
  return (
    <section aria-labelledby="moderation-title">
      <h2 id="moderation-title">{t('moderation.title')}</h2>
      <p>{t('moderation.lead')}</p>
      <details className="action">
        <summary>{t('moderation.preview')}</summary>
        <div className="public-preview">
          <PublicBody view={preview} />
        </div>
      </details>
      <div className="actions">
        <Form
          title={t('moderation.redact')}
          onSubmit={(e) => void redact.run(e)}
          pending={redact.pending}
          submit={t('moderation.save')}
          problem={redact.problem}
          errors={redact.fieldErrors}
        >
          <SelectField
            label={t('moderation.target')}
            name="target"
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
              setText(targets.find((x) => x.value === e.target.value)?.current ?? '');
            }}
          >
            {targets.map((x) => (
              <option key={x.value} value={x.value}>
                {x.label}
              </option>
            ))}
          </SelectField>
          {target === 'location' ? (
            <p className="hint">{t('moderation.locationHidden')}</p>
          ) : (
            <>
              <div className="choice">
                <input
                  id="redaction-hidden"
                  type="checkbox"
                  checked={hidden}
                  onChange={(e) => setHidden(e.target.checked)}
                />
                <label htmlFor="redaction-hidden">{t('moderation.hide')}</label>
              </div>
              {hidden ? null : (
                <TextArea
                  label={t('moderation.publicText')}
                  hint={t('moderation.publicTextHint')}
                  name="publicText"
                  rows={4}
                  value={text}
                  onChange={(e) => setText(e.target.value)}
                  error={redact.fieldErrors.publicText}
                />
              )}
            </>
          )}
          <TextField
            label={t('moderation.reason')}
            name="reason"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            error={redact.fieldErrors.reason}
          />
        </Form>
        <Form
          title={view.complaint.isPublic ? t('moderation.unpublish') : t('moderation.publishComplaint')}
          onSubmit={(e) => void visibility.run(e)}
          pending={visibility.pending}
          submit={view.complaint.isPublic ? t('moderation.unpublish') : t('moderation.publishComplaint')}
          problem={visibility.problem}
          errors={visibility.fieldErrors}
        >
          <TextField
            label={t('moderation.reason')}
            name="visibility-reason"
            value={visibilityReason}
            onChange={(e) => setVisibilityReason(e.target.value)}
            error={visibility.fieldErrors.reason}
          />
        </Form>
      </div>
      {view.redactions.length ? (
        <div className="table-wrap">
          <table className="table">
            <caption>{t('moderation.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('moderation.target')}</th>
                <th scope="col">{t('moderation.publicText')}</th>
                <th scope="col">{t('moderation.reason')}</th>
                <th scope="col">{t('moderation.by')}</th>
              </tr>
            </thead>
            <tbody>
              {view.redactions.map((r) => (
                <tr key={r.id}>
                  <td>{targets.find((x) => x.value === r.target)?.label ?? r.target}</td>
                  <td className="prewrap" dir="auto">
                    {r.hidden ? <Tag>{t('moderation.hiddenTag')}</Tag> : r.publicText}
                  </td>
                  <td>{r.reason}</td>
                  <td>
                    {r.by}
                    <span className="hint">
                      {formatDate(r.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

export function StaffComplaintPage() {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const { id = '' } = useParams();
  const client = useQueryClient();
  const found = useQuery({
    queryKey: ['complaints', 'staff', id],
    queryFn: () => api.get<StaffView>(`/api/staff/complaints/${id}`),
  });
  const [saved, setSaved] = useState(false);
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['complaints'] });
    setSaved(true);
  };
  if (found.isPending) return <Loading />;
  if (!found.data)
    return (
      <>
        <PageHeader title={t('staff.notFound')} />
        <p>
          <Link to="/back-office/complaints">{t('staff.queueTitle')}</Link>
        </p>
      </>
    );
  const view = found.data;
  const c = view.complaint;
  const answerClock = view.case.clocks.find((k) => k.key === 'answer' && k.status !== 'stopped');
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.backOffice'), to: '/back-office' },
          { label: t('staff.queueTitle'), to: '/back-office/complaints' },
          { label: c.reference ?? '' },
        ]}
      />
      <PageHeader caption={tr(locale, c.category.name)} title={<span className="ltr">{c.reference}</span>} />
      {saved ? (
        <Notice kind="success" live>
          <p>{t('staff.saved')}</p>
        </Notice>
      ) : null}
      <div className="layout-two">
        <div>
          <section aria-labelledby="complaint-title">
            <h2 id="complaint-title">{t('staff.complaintTitle')}</h2>
            <SummaryList
              rows={[
                {
                  key: t('staff.state'),
                  value: (
                    <StatusTag
                      view={{ status: view.publicPreview.status, state: view.publicPreview.state }}
                    />
                  ),
                },
                {
                  key: t('public.description'),
                  value: (
                    <span className="prewrap" dir="auto">
                      {c.description}
                    </span>
                  ),
                },
                ...c.answers.map((a) => ({ key: tr(locale, a.label), value: tr(locale, a.text) })),
                ...(c.address ? [{ key: t('public.address'), value: c.address }] : []),
                ...(c.location
                  ? [
                      {
                        key: t('public.location'),
                        value: (
                          <>
                            <span className="ltr">{pointText(c.location)}</span>
                            <Link
                              className="hint"
                              to={`/geoportal/sheet?x=${c.location.longitude}&y=${c.location.latitude}&crs=EPSG:4326`}
                            >
                              {t('staff.zoningHere')}
                            </Link>
                          </>
                        ),
                      },
                    ]
                  : []),
                ...(c.mediaUrl
                  ? [
                      {
                        key: t('staff.mediaUrl'),
                        value: <span className="ltr code-block">{c.mediaUrl}</span>,
                      },
                    ]
                  : []),
              ]}
            />
            {view.case.checklist.flatMap((x) => x.documents).length ? (
              <>
                <h3>{t('files.title')}</h3>
                <ul className="file-list">
                  {view.case.checklist
                    .flatMap((x) => x.documents)
                    .map((d) => (
                      <li key={d.id}>
                        <a href={`/api/staff/cases/${c.caseId}/documents/${d.id}`}>{d.filename}</a>{' '}
                        <span className="muted">({megabytes(d.sizeBytes)})</span>
                      </li>
                    ))}
                </ul>
              </>
            ) : null}
          </section>
          <section aria-labelledby="act-title">
            <h2 id="act-title">{t('staff.actTitle')}</h2>
            <Transitions key={view.case.version} view={view} refresh={refresh} />
          </section>
          <Writing view={view} refresh={refresh} />
          <Moderation key={`m${view.redactions.length}-${view.case.version}`} view={view} refresh={refresh} />
          <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{t('staff.timelineTitle')}</h2>
            <ol className="timeline">
              {view.case.timeline.map((e) => (
                <li key={e.id} className={e.visibility === 'internal' ? 'internal' : ''}>
                  <time dateTime={e.at}>
                    {formatDate(e.at, locale, { dateStyle: 'medium', timeStyle: 'short' })}
                  </time>
                  <p>
                    <strong>
                      {e.transitionLabel
                        ? tr(locale, e.transitionLabel)
                        : t(`events.${e.kind}`, { defaultValue: e.kind })}
                    </strong>
                    {e.toLabel ? <span className="muted"> — {tr(locale, e.toLabel)}</span> : null}
                    {e.actorName ? <span className="muted"> · {e.actorName}</span> : null}
                  </p>
                  {payloadText(e.payload) ? (
                    <p className="prewrap" dir="auto">
                      {payloadText(e.payload)}
                    </p>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside className="aside complaint-facts" aria-labelledby="facts-title">
          <h2 id="facts-title">{t('staff.factsTitle')}</h2>
          <SummaryList
            rows={[
              { key: t('staff.deadline'), value: answerClock ? <DeadlineTag clock={answerClock} /> : '—' },
              { key: t('staff.priority'), value: c.priority ? <PriorityTag priority={c.priority} /> : '—' },
              { key: t('staff.unit'), value: c.unit ?? '—' },
              { key: t('staff.assignee'), value: view.case.assignee?.fullName ?? t('staff.nobody') },
              { key: t('staff.visibility'), value: t(c.isPublic ? 'follow.isPublic' : 'follow.isPrivate') },
              { key: t('staff.source'), value: t(`staff.source_${c.source}`) },
              {
                key: t('staff.complainant'),
                value: (
                  <>
                    {c.applicant.name || <span className="muted">{t('staff.noName')}</span>}
                    {c.applicant.email ? <span className="hint ltr">{c.applicant.email}</span> : null}
                    {c.applicant.phone ? <span className="hint ltr">{c.applicant.phone}</span> : null}
                    <span className="hint">
                      {t(c.applicant.account ? 'staff.withAccount' : 'staff.withoutAccount')}
                    </span>
                  </>
                ),
              },
              {
                key: t('follow.channel'),
                value: t(c.channel === 'sms' ? 'contact.bySms' : 'contact.byEmail'),
              },
              ...(c.duplicateOf
                ? [
                    {
                      key: t('public.duplicateOfLabel'),
                      value: (
                        <Link to={`/back-office/complaints/${c.duplicateOf.id}`} className="ltr">
                          {c.duplicateOf.reference}
                        </Link>
                      ),
                    },
                  ]
                : []),
              ...(c.merged.length
                ? [
                    {
                      key: t('staff.mergedHere'),
                      value: (
                        <ul className="plain-list">
                          {c.merged.map((m) => (
                            <li key={m.id}>
                              <Link to={`/back-office/complaints/${m.id}`} className="ltr">
                                {m.reference}
                              </Link>
                            </li>
                          ))}
                        </ul>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          <p>
            <Link to={view.genericCaseUrl}>{t('staff.caseFile')}</Link>
          </p>
          <p>
            <Link to={`/complaints/track/${c.reference}`}>{t('staff.publicPage')}</Link>
          </p>
        </aside>
      </div>
    </>
  );
}
