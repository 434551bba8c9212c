import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';

/** Upload → map columns → import and report; the third step is the import's own page. */
export function ImportSteps({ current }: { current: 0 | 1 | 2 }) {
  const { t } = useTranslation();
  return (
    // Kept on one line; on a narrow phone (or in a longer language) it scrolls inside its box, not the page.
    <div style={{ overflowX: 'auto', marginBottom: 16 }}>
      <Steps
        current={current}
        size="small"
        responsive={false}
        style={{ minWidth: 340 }}
        data-testid="import-steps"
        items={[{ title: t('imports.step.upload') }, { title: t('imports.step.mapping') }, { title: t('imports.step.run') }]}
      />
    </div>
  );
}
