import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Radio, Typography, Upload } from 'antd';
import { IMPORT_MODE_LABELS, IMPORT_MODE_NOTES, IMPORT_MODES } from '../../../contracts/member-import.ts';
import type { ImportMode } from '../../api/member-import.ts';
import { type OrgOption, OrgSelect } from '../../ui/OrgSelect.tsx';
import { useImportLimits } from './use-import-limits.ts';

export type UploadChoice = { file: File | null; org: OrgOption | null; mode: ImportMode };

const MODE_OPTIONS = IMPORT_MODES.map((value) => ({
  value,
  label: IMPORT_MODE_LABELS[value],
  note: IMPORT_MODE_NOTES[value],
}));

type UploadStepProps = {
  choice: UploadChoice;
  onChange: (next: UploadChoice) => void;
  onCheck: () => void;
  onBack: () => void;
};

/** 上传: the .xlsx (drag and drop), the org the rows must fall in, and the mode. */
export function UploadStep({ choice, onChange, onCheck, onBack }: UploadStepProps) {
  const set = (patch: Partial<UploadChoice>) => onChange({ ...choice, ...patch });
  // 导入限制 of the 系统管理员; the server enforces them, the page only says them beforehand.
  const { maxFileMb, maxRows } = useImportLimits();
  const tooLarge = choice.file !== null && choice.file.size > maxFileMb * 1024 * 1024;
  return (
    <Form layout="vertical" style={{ maxWidth: 720 }} aria-label="上传导入文件">
      <Form.Item label="导入到" required extra="文件中每行的“所在党支部”须在该组织之下（含该组织本身）">
        <OrgSelect
          aria-label="导入到"
          placeholder="输入组织名称搜索"
          value={choice.org?.id ?? null}
          initial={choice.org}
          onChange={(_, org) => set({ org: org ?? null })}
        />
      </Form.Item>
      <Form.Item label="导入方式">
        <Radio.Group
          aria-label="导入方式"
          value={choice.mode}
          onChange={(e) => set({ mode: e.target.value })}
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={MODE_OPTIONS.map((m) => ({
            value: m.value,
            label: (
              <span>
                {m.label}
                <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                  {m.note}
                </Typography.Text>
              </span>
            ),
          }))}
        />
      </Form.Item>
      <Form.Item label="Excel 文件" required>
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          multiple={false}
          maxCount={1}
          beforeUpload={(file) => {
            set({ file });
            return false;
          }}
          onRemove={() => set({ file: null })}
          fileList={choice.file ? [{ uid: 'file', name: choice.file.name, status: 'done' }] : []}
          aria-label="选择或拖入 Excel 文件"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择或将 .xlsx 文件拖到这里</p>
          <p className="ant-upload-hint">
            一次上传一个文件，最大 {maxFileMb} MB、{maxRows} 行
          </p>
        </Upload.Dragger>
      </Form.Item>
      {tooLarge ? (
        <Alert
          type="error"
          showIcon
          title={`文件超过 ${maxFileMb} MB，请拆分后分批导入`}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex gap={8}>
        <Button onClick={onBack}>上一步</Button>
        <Button type="primary" disabled={!choice.file || !choice.org || tooLarge} onClick={onCheck}>
          开始预检
        </Button>
      </Flex>
    </Form>
  );
}
