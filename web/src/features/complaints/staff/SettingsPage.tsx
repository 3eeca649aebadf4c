// An agency's complaint settings: its categories (names in three languages, the answer delay under
// the Law 55-19 ceiling, public or not, extra questions that become Open311 attributes) and its
// response templates per category, kind and language.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api.ts';
import { can, useSession } from '../../../lib/session.ts';
import {
  Breadcrumbs,
  Button,
  ErrorSummary,
  Loading,
  Notice,
  PageHeader,
  SelectField,
  Tag,
  TextField,
} from '../../../ui/components.tsx';
import { nameIn, useAgencies } from '../../agencies/api.ts';
import { type Category, type L, type Question, type QuestionType, type Template, tr } from '../api.ts';
import { TextArea, useLocale } from '../components.tsx';
import { useSubmit } from '../use-submit.ts';
import { StaffNav } from './shared.tsx';
import '../complaints.css';
import '../i18n.ts';

const LANGS = ['ar', 'fr', 'en'] as const;
const TYPES: QuestionType[] = ['string', 'text', 'number', 'datetime', 'singlevaluelist', 'multivaluelist'];
const KINDS: Template['kind'][] = ['answer', 'update', 'not_competent', 'duplicate'];
const MAX_DAYS = 40;
const empty: L = { ar: '', fr: '', en: '' };

function Trilingual({
  label,
  name,
  value,
  onChange,
  errors,
  area,
}: {
  label: string;
  name: string;
  value: L;
  onChange: (v: L) => void;
  errors: Record<string, string>;
  area?: boolean;
}) {
  const { t } = useTranslation('complaints');
  return (
    <fieldset className="field trilingual">
      <legend>{label}</legend>
      {LANGS.map((l) =>
        area ? (
          <TextArea
            key={l}
            label={t(`settings.lang.${l}`)}
            name={`${name}/${l}`}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            rows={2}
            value={value[l]}
            onChange={(e) => onChange({ ...value, [l]: e.target.value })}
            error={errors[`${name}/${l}`]}
          />
        ) : (
          <TextField
            key={l}
            label={t(`settings.lang.${l}`)}
            name={`${name}/${l}`}
            lang={l}
            dir={l === 'ar' ? 'rtl' : 'ltr'}
            value={value[l]}
            onChange={(e) => onChange({ ...value, [l]: e.target.value })}
            error={errors[`${name}/${l}`]}
          />
        ),
      )}
    </fieldset>
  );
}

type Draft = {
  id?: string;
  code: string;
  name: L;
  description: L;
  answerDays: string;
  isPublic: boolean;
  locationRequired: boolean;
  active: boolean;
  questions: Question[];
};

const blank = (): Draft => ({
  code: '',
  name: { ...empty },
  description: { ...empty },
  answerDays: '20',
  isPublic: false,
  locationRequired: false,
  active: true,
  questions: [],
});

function CategoryEditor({ agency, draft, done }: { agency: string; draft: Draft; done: () => void }) {
  const { t } = useTranslation('complaints');
  const [d, setD] = useState<Draft>(draft);
  const save = useSubmit(() => {
    const body = {
      agencyCode: agency,
      code: d.code,
      name: d.name,
      description: LANGS.every((l) => d.description[l].trim()) ? d.description : null,
      answerDays: Number(d.answerDays),
      isPublic: d.isPublic,
      locationRequired: d.locationRequired,
      active: d.active,
      questions: d.questions.map((q) => ({
        ...q,
        ...(q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist' ? {} : { values: undefined }),
      })),
    };
    return d.id
      ? api.put(`/api/staff/complaint-categories/${d.id}`, body)
      : api.post('/api/staff/complaint-categories', body);
  }, done);
  const e = save.fieldErrors;
  const setQuestion = (i: number, q: Question) =>
    setD({ ...d, questions: d.questions.map((x, j) => (j === i ? q : x)) });
  return (
    <form className="form settings-form" onSubmit={(ev) => void save.run(ev)} noValidate>
      <h3>{d.id ? t('settings.editCategory') : t('settings.newCategory')}</h3>
      {save.problem ? (
        <ErrorSummary title={save.problem.title} detail={save.problem.detail} errors={e} />
      ) : null}
      <TextField
        label={t('settings.code')}
        hint={t('settings.codeHint')}
        name="code"
        dir="ltr"
        value={d.code}
        readOnly={Boolean(d.id)}
        onChange={(ev) => setD({ ...d, code: ev.target.value })}
        error={e.code}
      />
      <Trilingual
        label={t('settings.name')}
        name="name"
        value={d.name}
        onChange={(name) => setD({ ...d, name })}
        errors={e}
      />
      <Trilingual
        label={t('settings.description')}
        name="description"
        area
        value={d.description}
        onChange={(description) => setD({ ...d, description })}
        errors={e}
      />
      <TextField
        label={t('settings.answerDays')}
        hint={t('settings.answerDaysHint', { max: MAX_DAYS })}
        name="answerDays"
        type="number"
        min={1}
        max={MAX_DAYS}
        className="narrow"
        value={d.answerDays}
        onChange={(ev) => setD({ ...d, answerDays: ev.target.value })}
        error={e.answerDays}
      />
      {(['isPublic', 'locationRequired', 'active'] as const).map((key) => (
        <div className="choice" key={key}>
          <input
            id={`cat-${key}`}
            type="checkbox"
            checked={d[key]}
            onChange={(ev) => setD({ ...d, [key]: ev.target.checked })}
          />
          <label htmlFor={`cat-${key}`}>
            {t(`settings.${key}`)}
            <span className="hint">{t(`settings.${key}Hint`)}</span>
          </label>
        </div>
      ))}
      <h4>{t('settings.questions')}</h4>
      <p className="hint">{t('settings.questionsHint')}</p>
      {d.questions.map((q, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: questions are positional (errors point at indexes).
        <fieldset className="question-editor" key={`q-${i}`} id={`field-questions/${i}`}>
          <legend>{t('settings.question', { n: i + 1 })}</legend>
          <TextField
            label={t('settings.code')}
            name={`questions/${i}/code`}
            dir="ltr"
            value={q.code}
            onChange={(ev) => setQuestion(i, { ...q, code: ev.target.value })}
            error={e[`questions/${i}/code`]}
          />
          <SelectField
            label={t('settings.datatype')}
            name={`questions/${i}/datatype`}
            value={q.datatype}
            onChange={(ev) => setQuestion(i, { ...q, datatype: ev.target.value as QuestionType })}
          >
            {TYPES.map((x) => (
              <option key={x} value={x}>
                {t(`settings.types.${x}`)}
              </option>
            ))}
          </SelectField>
          <div className="choice">
            <input
              id={`q-${i}-required`}
              type="checkbox"
              checked={q.required}
              onChange={(ev) => setQuestion(i, { ...q, required: ev.target.checked })}
            />
            <label htmlFor={`q-${i}-required`}>{t('settings.required')}</label>
          </div>
          <Trilingual
            label={t('settings.questionLabel')}
            name={`questions/${i}/label`}
            value={q.label}
            onChange={(label) => setQuestion(i, { ...q, label })}
            errors={e}
          />
          {q.datatype === 'singlevaluelist' || q.datatype === 'multivaluelist' ? (
            <div className="field" id={`field-questions/${i}/values`}>
              <p>
                <strong>{t('settings.values')}</strong>
              </p>
              {e[`questions/${i}/values`] ? (
                <span className="error-message">{e[`questions/${i}/values`]}</span>
              ) : null}
              {(q.values ?? []).map((v, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: choices are positional (errors point at indexes).
                <div className="value-row" key={`v-${j}`}>
                  <TextField
                    label={t('settings.valueKey')}
                    name={`questions/${i}/values/${j}/key`}
                    dir="ltr"
                    value={v.key}
                    onChange={(ev) =>
                      setQuestion(i, {
                        ...q,
                        values: q.values!.map((x, k) => (k === j ? { ...x, key: ev.target.value } : x)),
                      })
                    }
                    error={e[`questions/${i}/values/${j}/key`]}
                  />
                  <Trilingual
                    label={t('settings.valueName')}
                    name={`questions/${i}/values/${j}/name`}
                    value={v.name}
                    onChange={(name) =>
                      setQuestion(i, {
                        ...q,
                        values: q.values!.map((x, k) => (k === j ? { ...x, name } : x)),
                      })
                    }
                    errors={e}
                  />
                  <button
                    type="button"
                    className="link"
                    onClick={() => setQuestion(i, { ...q, values: q.values!.filter((_, k) => k !== j) })}
                  >
                    {t('settings.removeValue')}
                  </button>
                </div>
              ))}
              <Button
                variant="secondary"
                onClick={() =>
                  setQuestion(i, { ...q, values: [...(q.values ?? []), { key: '', name: { ...empty } }] })
                }
              >
                {t('settings.addValue')}
              </Button>
            </div>
          ) : null}
          <button
            type="button"
            className="link"
            onClick={() => setD({ ...d, questions: d.questions.filter((_, j) => j !== i) })}
          >
            {t('settings.removeQuestion')}
          </button>
        </fieldset>
      ))}
      <Button
        variant="secondary"
        onClick={() =>
          setD({
            ...d,
            questions: [
              ...d.questions,
              { code: '', datatype: 'string', required: false, label: { ...empty } },
            ],
          })
        }
      >
        {t('settings.addQuestion')}
      </Button>
      <div className="button-group">
        <Button type="submit" disabled={save.pending}>
          {t('settings.save')}
        </Button>
        <button type="button" className="link" onClick={done}>
          {t('settings.cancel')}
        </button>
      </div>
    </form>
  );
}

function TemplateEditor({
  agency,
  categories,
  template,
  done,
}: {
  agency: string;
  categories: Category[];
  template: Partial<Template>;
  done: () => void;
}) {
  const { t } = useTranslation('complaints');
  const locale = useLocale();
  const [d, setD] = useState({
    categoryCode: template.categoryCode ?? '',
    kind: template.kind ?? 'answer',
    locale: template.locale ?? locale,
    title: template.title ?? '',
    body: template.body ?? '',
  });
  const save = useSubmit(() => {
    const body = { agencyCode: agency, ...d, categoryCode: d.categoryCode || null };
    return template.id
      ? api.put(`/api/staff/complaint-templates/${template.id}`, body)
      : api.post('/api/staff/complaint-templates', body);
  }, done);
  const e = save.fieldErrors;
  return (
    <form className="form settings-form" onSubmit={(ev) => void save.run(ev)} noValidate>
      <h3>{template.id ? t('settings.editTemplate') : t('settings.newTemplate')}</h3>
      {save.problem ? (
        <ErrorSummary title={save.problem.title} detail={save.problem.detail} errors={e} />
      ) : null}
      <SelectField
        label={t('public.category')}
        name="categoryCode"
        value={d.categoryCode}
        onChange={(ev) => setD({ ...d, categoryCode: ev.target.value })}
      >
        <option value="">{t('staff.anyCategory')}</option>
        {categories.map((c) => (
          <option key={c.code} value={c.code}>
            {tr(locale, c.name)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('settings.kind')}
        name="kind"
        value={d.kind}
        onChange={(ev) => setD({ ...d, kind: ev.target.value as Template['kind'] })}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`settings.kinds.${k}`)}
          </option>
        ))}
      </SelectField>
      <SelectField
        label={t('staff.templateLanguage')}
        name="locale"
        value={d.locale}
        onChange={(ev) => setD({ ...d, locale: ev.target.value as Template['locale'] })}
      >
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {t(`settings.lang.${l}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('settings.templateTitle')}
        name="title"
        lang={d.locale}
        dir={d.locale === 'ar' ? 'rtl' : 'ltr'}
        value={d.title}
        onChange={(ev) => setD({ ...d, title: ev.target.value })}
        error={e.title}
      />
      <TextArea
        label={t('settings.templateBody')}
        hint={t('settings.templateBodyHint')}
        name="body"
        lang={d.locale}
        dir={d.locale === 'ar' ? 'rtl' : 'ltr'}
        rows={6}
        value={d.body}
        onChange={(ev) => setD({ ...d, body: ev.target.value })}
        error={e.body}
      />
      <div className="button-group">
        <Button type="submit" disabled={save.pending}>
          {t('settings.save')}
        </Button>
        <button type="button" className="link" onClick={done}>
          {t('settings.cancel')}
        </button>
      </div>
    </form>
  );
}

export function SettingsPage() {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation('common');
  const locale = useLocale();
  const me = useSession().data?.user;
  const agencies = useAgencies();
  const client = useQueryClient();
  const managed = me?.permissions.includes('platform.manage')
    ? (agencies.data ?? []).map((a) => a.code)
    : [
        ...new Set(
          (me?.memberships ?? [])
            .filter((m) => m.organizationKind === 'agency')
            .map((m) => m.organizationCode),
        ),
      ];
  const [agency, setAgency] = useState('');
  useEffect(() => {
    if (!agency && managed[0]) setAgency(managed.includes('AUST') ? 'AUST' : managed[0]);
  }, [agency, managed]);
  const categories = useQuery({
    queryKey: ['complaints', 'settings', 'categories', agency],
    queryFn: () => api.get<Category[]>(`/api/staff/complaint-categories?agency=${agency}`),
    enabled: Boolean(agency),
  });
  const templates = useQuery({
    queryKey: ['complaints', 'settings', 'templates', agency],
    queryFn: () => api.get<Template[]>(`/api/staff/complaint-templates?agency=${agency}`),
    enabled: Boolean(agency),
  });
  const [editing, setEditing] = useState<Draft | null>(null);
  const [template, setTemplate] = useState<Partial<Template> | null>(null);
  const [saved, setSaved] = useState(false);
  const done = () => {
    setEditing(null);
    setTemplate(null);
    setSaved(true);
    void client.invalidateQueries({ queryKey: ['complaints'] });
  };
  const retire = async (id: string) => {
    await api.delete(`/api/staff/complaint-templates/${id}`);
    done();
  };
  return (
    <>
      <Breadcrumbs
        items={[
          { label: tc('nav.backOffice'), to: '/back-office' },
          { label: t('staff.queueTitle'), to: '/back-office/complaints' },
          { label: t('settings.title') },
        ]}
      />
      <PageHeader title={t('settings.title')} lead={t('settings.lead')} />
      <StaffNav
        current="settings"
        canStats={can(me, 'stats.read')}
        canManage
        canKeys={can(me, 'token.manage')}
      />
      {managed.length > 1 ? (
        <SelectField
          label={t('new.agency')}
          name="agency"
          value={agency}
          onChange={(e) => setAgency(e.target.value)}
        >
          {managed.map((code) => {
            const a = agencies.data?.find((x) => x.code === code);
            return (
              <option key={code} value={code}>
                {a ? nameIn(locale, a) : code}
              </option>
            );
          })}
        </SelectField>
      ) : null}
      {saved ? (
        <Notice kind="success" live>
          <p>{t('staff.saved')}</p>
        </Notice>
      ) : null}
      <section aria-labelledby="categories-title">
        <h2 id="categories-title">{t('settings.categories')}</h2>
        {categories.isPending ? <Loading /> : null}
        {categories.data?.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('settings.name')}</th>
                  <th scope="col">{t('settings.answerDays')}</th>
                  <th scope="col">{t('settings.isPublic')}</th>
                  <th scope="col">{t('settings.questions')}</th>
                  <th scope="col">{t('settings.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {categories.data.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      {tr(locale, c.name)} <span className="hint ltr">{c.code}</span>
                      {c.active ? null : <Tag>{t('settings.inactive')}</Tag>}
                    </th>
                    <td>{c.answerDays}</td>
                    <td>{c.isPublic ? t('settings.yes') : t('settings.no')}</td>
                    <td>{c.questions.length}</td>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-label={t('settings.editLabel', { name: tr(locale, c.name) })}
                        onClick={() =>
                          setEditing({
                            id: c.id,
                            code: c.code,
                            name: c.name,
                            description: c.description ?? { ...empty },
                            answerDays: String(c.answerDays),
                            isPublic: c.isPublic,
                            locationRequired: c.locationRequired,
                            active: c.active,
                            questions: c.questions,
                          })
                        }
                      >
                        {t('settings.edit')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {editing ? (
          <CategoryEditor key={editing.id ?? 'new'} agency={agency} draft={editing} done={done} />
        ) : (
          <Button variant="secondary" onClick={() => setEditing(blank())}>
            {t('settings.newCategory')}
          </Button>
        )}
      </section>
      <section aria-labelledby="templates-title">
        <h2 id="templates-title">{t('settings.templates')}</h2>
        {templates.data?.length ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('settings.templateTitle')}</th>
                  <th scope="col">{t('settings.kind')}</th>
                  <th scope="col">{t('staff.templateLanguage')}</th>
                  <th scope="col">{t('public.category')}</th>
                  <th scope="col">{t('settings.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {templates.data.map((x) => (
                  <tr key={x.id}>
                    <th scope="row" lang={x.locale} dir={x.locale === 'ar' ? 'rtl' : 'ltr'}>
                      {x.title}
                    </th>
                    <td>{t(`settings.kinds.${x.kind}`)}</td>
                    <td>{t(`settings.lang.${x.locale}`)}</td>
                    <td>
                      {x.categoryCode
                        ? tr(locale, categories.data?.find((c) => c.code === x.categoryCode)?.name) ||
                          x.categoryCode
                        : t('staff.anyCategory')}
                    </td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="link"
                        aria-label={t('settings.editLabel', { name: x.title })}
                        onClick={() => setTemplate(x)}
                      >
                        {t('settings.edit')}
                      </button>{' '}
                      <button
                        type="button"
                        className="link"
                        aria-label={t('settings.retireLabel', { name: x.title })}
                        onClick={() => void retire(x.id)}
                      >
                        {t('settings.retire')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {template ? (
          <TemplateEditor
            key={template.id ?? 'new'}
            agency={agency}
            categories={categories.data ?? []}
            template={template}
            done={done}
          />
        ) : (
          <Button variant="secondary" onClick={() => setTemplate({})}>
            {t('settings.newTemplate')}
          </Button>
        )}
      </section>
    </>
  );
}
