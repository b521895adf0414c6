import { Card, Steps } from 'antd';
import { useState } from 'react';
import { useMe } from '../../api/auth.ts';
import { type MemberImportReport, useInvalidateAfterImport } from '../../api/member-import.ts';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { ConfirmStep } from './ConfirmStep.tsx';
import { PrecheckStep } from './PrecheckStep.tsx';
import { ResultStep } from './ResultStep.tsx';
import { RunProgress } from './RunProgress.tsx';
import { TemplateStep } from './TemplateStep.tsx';
import { type UploadChoice, UploadStep } from './UploadStep.tsx';
import { useImportRun } from './use-import-run.ts';

const STEPS = ['下载模板', '上传', '预检', '确认导入', '结果'] as const;
type Step = 0 | 1 | 2 | 3 | 4;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === 'AbortError';

/** 导入党员: 下载模板 → 上传 → 预检 (dry run) → 确认导入 → 结果 (docs/design.md §4.3). */
export function ImportWizardPage() {
  const me = useMe();
  const home = me.data?.assignments[0];
  const [step, setStep] = useState<Step>(0);
  const [choice, setChoice] = useState<UploadChoice>({
    file: null,
    org: home ? { id: home.orgId, name: home.orgName } : null,
    mode: 'valid_rows',
  });
  const [precheck, setPrecheck] = useState<MemberImportReport | null>(null);
  const [result, setResult] = useState<MemberImportReport | null>(null);
  const { phase, run, cancel, busy } = useImportRun();
  const invalidate = useInvalidateAfterImport();
  const handleError = useApiErrorHandler();

  const send = async (dryRun: boolean) => {
    if (!choice.file) return null;
    try {
      return await run({ file: choice.file, orgId: choice.org?.id, dryRun, mode: choice.mode });
    } catch (error) {
      if (!isAbort(error)) handleError(error);
      return null;
    }
  };

  const check = async () => {
    const report = await send(true);
    if (report) {
      setPrecheck(report);
      setStep(2);
    }
  };

  const commit = async () => {
    const report = await send(false);
    if (report) {
      setResult(report);
      setStep(4);
      await invalidate();
    }
  };

  const restart = () => {
    setChoice((c) => ({ ...c, file: null }));
    setPrecheck(null);
    setResult(null);
    setStep(1);
  };

  const body = () => {
    if (busy) {
      return (
        <RunProgress
          phase={phase}
          processingText={step === 3 ? '正在导入，请稍候…' : '正在逐行检查文件，请稍候…'}
          // A real import the server has received cannot be called back: only its upload can be cancelled.
          onCancel={step === 3 && phase.state === 'processing' ? undefined : cancel}
        />
      );
    }
    if (step === 0) return <TemplateStep onNext={() => setStep(1)} />;
    if (step === 1)
      return <UploadStep choice={choice} onChange={setChoice} onBack={() => setStep(0)} onCheck={check} />;
    if (step === 2 && precheck) {
      return (
        <PrecheckStep report={precheck} mode={choice.mode} onReupload={restart} onNext={() => setStep(3)} />
      );
    }
    if (step === 3 && precheck) {
      return <ConfirmStep choice={choice} report={precheck} onBack={() => setStep(2)} onImport={commit} />;
    }
    if (step === 4 && result)
      return <ResultStep report={result} orgId={choice.org?.id} onRestart={restart} />;
    return null;
  };

  return (
    <>
      <PageHeader
        title="导入党员"
        description="从 Excel 批量导入党员：先预检、逐行列出问题，确认无误后再导入；导入的批次可以撤销。"
      />
      <Card>
        <Steps
          current={step}
          items={STEPS.map((title) => ({ title }))}
          style={{ marginBottom: 32 }}
          aria-label="导入步骤"
        />
        {body()}
      </Card>
    </>
  );
}
