// The documents issued on a case (deposit receipt, payment receipts, delivered documents), each
// downloadable and verifiable: for any case page (`<IssuedDocuments caseId={id} />`).
import { useTranslation } from 'react-i18next';
import { Tag } from '../../ui/components.tsx';
import { tr, useCaseDocuments } from '../payments/api.ts';
import { DocumentLinks, useLocale } from '../payments/components.tsx';
import './i18n.ts';

export function IssuedDocuments({ caseId, emptyText }: { caseId: string; emptyText?: string }) {
  const { t } = useTranslation('verify');
  const locale = useLocale();
  const documents = useCaseDocuments(caseId);
  if (documents.data && documents.data.length === 0) return emptyText ? <p>{emptyText}</p> : null;
  return (
    <ul className="link-list">
      {documents.data?.map((d) => (
        <li key={d.id}>
          <h3>
            {tr(locale, d.title)} <span className="muted ltr">{d.number}</span>{' '}
            {d.status === 'revoked' || d.status === 'superseded' ? (
              <Tag tone={d.status === 'revoked' ? 'red' : 'amber'}>{t(`status.${d.status}`)}</Tag>
            ) : null}
          </h3>
          <DocumentLinks document={d} />
        </li>
      ))}
    </ul>
  );
}
