// The public status page of a complaint, found by its tracking number: status, history of public
// updates and the answer — never a name, a contact or an attachment (the server sends none).
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiProblem, api } from '../../lib/api.ts';
import {
  Breadcrumbs,
  Button,
  Loading,
  Notice,
  PageHeader,
  SummaryList,
  TextField,
} from '../../ui/components.tsx';
import type { PublicView } from './api.ts';
import { History, pointText, StatusCard } from './components.tsx';
import './complaints.css';
import './i18n.ts';

export function TrackForm({ initial = '' }: { initial?: string }) {
  const { t } = useTranslation('complaints');
  const navigate = useNavigate();
  const [reference, setReference] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  return (
    <search aria-labelledby="track-form-title">
      <form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          const value = reference.trim().toUpperCase();
          if (!/^[A-Z]{2,8}-[A-Z]{2,6}-\d{4}-\d{6}$/.test(value)) {
            setError(t('track.format'));
            return;
          }
          setError(undefined);
          navigate(`/complaints/track/${value}`);
        }}
        noValidate
      >
        <h2 id="track-form-title">{t('track.formTitle')}</h2>
        <TextField
          label={t('track.reference')}
          hint={t('track.referenceHint')}
          name="reference"
          dir="ltr"
          autoCapitalize="characters"
          value={reference}
          onChange={(e) => setReference(e.target.value)}
          error={error}
        />
        <Button type="submit">{t('track.submit')}</Button>
      </form>
    </search>
  );
}

export function TrackPage() {
  const { t } = useTranslation('complaints');
  const { t: tc } = useTranslation('common');
  const { reference = '' } = useParams();
  const found = useQuery({
    queryKey: ['complaints', 'public', reference],
    queryFn: () => api.get<PublicView>(`/api/complaints/public/${encodeURIComponent(reference)}`),
    enabled: Boolean(reference),
  });
  const crumbs = [
    { label: tc('nav.home'), to: '/' },
    { label: t('title'), to: '/complaints' },
    { label: t('track.crumb') },
  ];
  if (!reference)
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('track.title')} lead={t('track.lead')} />
        <TrackForm />
      </>
    );
  if (found.isPending) return <Loading />;
  if (found.error || !found.data) {
    const notFound = found.error instanceof ApiProblem && found.error.status === 404;
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('track.title')} />
        <Notice kind="error" title={notFound ? t('track.notFound', { reference }) : tc('errors.generic')}>
          {notFound ? <p>{t('track.notFoundHint')}</p> : null}
        </Notice>
        <TrackForm initial={reference} />
      </>
    );
  }
  const view = found.data;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader caption={t('track.caption')} title={<span className="ltr">{view.reference}</span>} />
      <PublicBody view={view} />
    </>
  );
}

/** Everything the public may know, also shown (as a preview) to the staff who moderate it. */
export function PublicBody({ view }: { view: PublicView }) {
  const { t } = useTranslation('complaints');
  return (
    <>
      <StatusCard view={view} />
      {view.answer ? (
        <section aria-labelledby="answer-title" className="complaint-answer">
          <h2 id="answer-title">{t('public.answerTitle')}</h2>
          {view.answer.text ? (
            <p className="prewrap" dir="auto">
              {view.answer.text}
            </p>
          ) : (
            <p className="muted">{t('public.withheld')}</p>
          )}
        </section>
      ) : null}
      {view.isPublic && (view.description || view.address || view.location) ? (
        <section aria-labelledby="about-title">
          <h2 id="about-title">{t('public.aboutTitle')}</h2>
          <SummaryList
            rows={[
              ...(view.description
                ? [
                    {
                      key: t('public.description'),
                      value: (
                        <span className="prewrap" dir="auto">
                          {view.description}
                        </span>
                      ),
                    },
                  ]
                : []),
              ...(view.address ? [{ key: t('public.address'), value: view.address }] : []),
              ...(view.location
                ? [
                    {
                      key: t('public.location'),
                      value: (
                        <>
                          <span className="ltr">{pointText(view.location, 3)}</span>
                          <span className="hint">{t('public.locationRounded')}</span>
                        </>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </section>
      ) : (
        <p className="muted">{t('public.notPublic')}</p>
      )}
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t('public.historyTitle')}</h2>
        <History entries={view.history} headingId="history-title" />
      </section>
    </>
  );
}
