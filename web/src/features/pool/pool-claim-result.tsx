import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { refKey } from './pool.format.ts';
import { outcomeLabel } from './pool.labels.ts';
import type { ClaimResult } from './pool.types.ts';

/** The last claim's outcome, record by record: what was claimed, and why the others were not. */
export function ClaimResultPanel({ result, titles, onClose }: { result: ClaimResult; titles: ReadonlyMap<string, string>; onClose(): void }) {
  const { t } = useTranslation();
  const refused = result.results.length - result.claimed;
  const type = result.claimed === 0 ? 'error' : refused > 0 ? 'warning' : 'success';
  return (
    <Alert
      type={type}
      showIcon
      closable={{ onClose }}
      style={{ marginBottom: 12 }}
      data-testid="pool-claim-result"
      title={t('pool.claim.summary', { claimed: result.claimed, refused })}
      description={
        <Flex vertical gap={2}>
          {result.results.map((item) => (
            <Typography.Text key={refKey(item)} data-testid="pool-claim-outcome" data-outcome={item.outcome} data-record-id={item.id}>
              {titles.get(refKey(item)) ?? item.id}：{outcomeLabel(t, item.outcome, item.until)}
            </Typography.Text>
          ))}
        </Flex>
      }
    />
  );
}
