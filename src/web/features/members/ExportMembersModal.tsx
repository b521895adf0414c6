import { Alert, App, Checkbox, Flex, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ImportFormat } from '../../../contracts/member-import.ts';
import { exportMembers, type MemberFilterQuery, type MemberSort } from '../../api/members.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';
import { EXCEL_FORMAT_LABELS, EXCEL_FORMAT_NOTES, EXCEL_FORMATS } from './excel-formats.ts';

type ExportMembersModalProps = {
  open: boolean;
  onClose: () => void;
  filter: MemberFilterQuery & { sort?: MemberSort };
  /** How many members the filter selects now. */
  total: number;
  /** The user may export whole ID numbers (org_admin; audited). */
  canReveal: boolean;
};

/** 导出: the current filter, in the system's template or the official 2017 layout; whole ID numbers on request. */
export function ExportMembersModal({ open, onClose, filter, total, canReveal }: ExportMembersModalProps) {
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [format, setFormat] = useState<ImportFormat>('template');
  const [reveal, setReveal] = useState(false);
  const [busy, setBusy] = useState(false);

  // Every export starts masked: a reveal (audited) is chosen afresh each time, never remembered.
  useEffect(() => {
    if (open) setReveal(false);
  }, [open]);

  const run = async () => {
    setBusy(true);
    try {
      await exportMembers(filter, { format, reveal });
      message.success(`已导出 ${total} 名党员`);
      onClose();
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };

  const onOk = () => {
    if (!reveal) return void run();
    modal.confirm({
      title: '导出完整身份证号？',
      content:
        '导出文件将包含完整的公民身份号码。本次导出将记入审计日志（操作人、时间、筛选条件和人数），请妥善保管文件，不得外传。',
      okText: '确认导出',
      cancelText: '取消',
      okButtonProps: { danger: true },
      onOk: run,
    });
  };

  return (
    <Modal
      title="导出党员名册"
      open={open}
      onCancel={onClose}
      onOk={onOk}
      okText="导出"
      cancelText="取消"
      confirmLoading={busy}
      okButtonProps={{ disabled: total === 0 }}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Typography.Text>
          将导出当前筛选条件下的 <Typography.Text strong>{total}</Typography.Text> 名党员。
        </Typography.Text>
        <div>
          <Typography.Text strong>文件格式</Typography.Text>
          <Radio.Group
            aria-label="文件格式"
            value={format}
            onChange={(e) => setFormat(e.target.value)}
            style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
            options={EXCEL_FORMATS.map((f) => ({
              value: f,
              label: (
                <span>
                  {EXCEL_FORMAT_LABELS[f]}
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {EXCEL_FORMAT_NOTES[f]}
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </div>
        {canReveal ? (
          <Flex vertical gap={8}>
            <Checkbox checked={reveal} onChange={(e) => setReveal(e.target.checked)}>
              显示完整身份证号
            </Checkbox>
            {reveal ? (
              <Alert type="warning" showIcon title="导出完整身份证号将记入审计日志。" />
            ) : (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                默认导出脱敏号码（如 110105********002X）。
              </Typography.Text>
            )}
          </Flex>
        ) : null}
      </Flex>
    </Modal>
  );
}
