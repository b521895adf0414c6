import { Alert, Button, Descriptions, Flex } from 'antd';
import { IMPORT_MODE_LABELS } from '../../../contracts/member-import.ts';
import type { MemberImportReport } from '../../api/member-import.ts';
import { EXCEL_FORMAT_LABELS } from '../members/excel-formats.ts';
import type { UploadChoice } from './UploadStep.tsx';

type ConfirmStepProps = {
  choice: UploadChoice;
  report: MemberImportReport;
  onBack: () => void;
  onImport: () => void;
};

/** 确认导入: what the real import will do, from the dry run, before the user commits it. */
export function ConfirmStep({ choice, report, onBack, onImport }: ConfirmStepProps) {
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Descriptions
        bordered
        size="small"
        column={1}
        items={[
          { key: 'file', label: '文件', children: choice.file?.name },
          { key: 'format', label: '格式', children: EXCEL_FORMAT_LABELS[report.format] },
          { key: 'org', label: '导入到', children: choice.org?.name },
          { key: 'mode', label: '导入方式', children: IMPORT_MODE_LABELS[choice.mode] },
          { key: 'valid', label: '将导入', children: `${report.validCount} 名党员` },
          ...(report.errorCount > 0
            ? [{ key: 'skipped', label: '将跳过', children: `${report.errorCount} 行有误的数据` }]
            : []),
        ]}
      />
      <Alert
        type="info"
        showIcon
        title="导入时系统会再检查一遍文件；全部导入的党员作为一个导入批次记录。在这批党员发生任何变动之前，可以在“导入记录”中撤销整批导入。"
      />
      <Flex gap={8}>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" onClick={onImport}>
          确认导入
        </Button>
      </Flex>
    </Flex>
  );
}
