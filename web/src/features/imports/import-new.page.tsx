import { Card } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../app/page-header.tsx';
import { ImportMappingStep } from './import-mapping.step.tsx';
import { ImportSteps } from './import-steps.tsx';
import { ImportUploadStep, type UploadedFile } from './import-upload.step.tsx';

/** The import wizard, steps 1 and 2; step 3 is the import's own page, which the user can leave and come back to. */
export function ImportNewPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [uploaded, setUploaded] = useState<UploadedFile | null>(null);

  return (
    <>
      <PageHeader title={t('imports.newTitle')} />
      <ImportSteps current={uploaded ? 1 : 0} />
      <Card>
        {/* Step 1 stays mounted behind step 2, so "back" finds the choices as they were. */}
        <div hidden={uploaded !== null}>
          <ImportUploadStep onUploaded={setUploaded} />
        </div>
        {uploaded && (
          <ImportMappingStep
            key={uploaded.preview.importId}
            uploaded={uploaded}
            onBack={() => setUploaded(null)}
            onStarted={(started) => void navigate(`/imports/${started.id}`, { replace: true, state: { lineCount: uploaded.preview.lineCount ?? null } })}
          />
        )}
      </Card>
    </>
  );
}
