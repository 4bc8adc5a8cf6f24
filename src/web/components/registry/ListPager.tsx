import { Pagination } from 'antd';
import { useTranslation } from 'react-i18next';
import { useIsDesktop } from '../../lib/useIsDesktop.ts';

interface Props {
  total: number;
  page: number;
  pageSize: number;
  onChange: (page: number) => void;
}

/** Page numbers on a desktop; on a phone the compact "‹ 3 / 40 ›" that fits one thumb-wide row. */
export function ListPager({ total, page, pageSize, onChange }: Props) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  if (total <= pageSize) return null;
  return (
    <nav className="list-pager" aria-label={t('registry.pages')}>
      <Pagination
        current={page}
        pageSize={pageSize}
        total={total}
        onChange={(next) => {
          onChange(next);
          window.scrollTo({ top: 0 });
        }}
        showSizeChanger={false}
        simple={!desktop}
      />
    </nav>
  );
}
