import { Alert, App, Checkbox, Flex, Modal, Radio, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ImportFormat } from '../../../contracts/member-import.ts';
import { exportSelection, type MemberSelection } from '../../api/member-batch.ts';
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
  /**
   * The roster's batch selection (批量操作): exactly these members, whatever their status, and `total` is how many.
   * Without it, the current filter as the list shows it.
   */
  selection?: MemberSelection | null;
};

/** 导出: the current filter, in the system's template or the official 2017 layout; whole ID numbers on request. */
export function ExportMembersModal({
  open,
  onClose,
  filter,
  total,
  canReveal,
  selection,
}: ExportMembersModalProps) {
  const { modal, message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [format, setFormat] = useState<ImportFormat>('template');
  const [reveal, setReveal] = useState(false);
  const [includeDeparted, setIncludeDeparted] = useState(false);
  const [busy, setBusy] = useState(false);
  // A status filter chooses who is exported; without one, the current records, and the departed only on request.
  const statusFiltered = !!filter.status || !!selection;

  // Every export starts masked: a reveal (audited) is chosen afresh each time, never remembered.
  useEffect(() => {
    if (open) setReveal(false);
  }, [open]);

  const run = async () => {
    setBusy(true);
    try {
      if (selection) await exportSelection(selection, { format, reveal });
      else
        await exportMembers(filter, { format, reveal, includeDeparted: !statusFiltered && includeDeparted });
      message.success(statusFiltered || includeDeparted ? `已导出 ${total} 名党员` : '已导出党员名册');
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
          {selection ? (
            <>
              将导出选中的 <Typography.Text strong>{total}</Typography.Text> 名党员。
            </>
          ) : statusFiltered || includeDeparted ? (
            <>
              将导出当前筛选条件下的 <Typography.Text strong>{total}</Typography.Text> 名党员。
            </>
          ) : (
            '将导出当前筛选条件下的在册党员。'
          )}
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
        {statusFiltered ? null : (
          <Flex vertical gap={4}>
            <Checkbox checked={includeDeparted} onChange={(e) => setIncludeDeparted(e.target.checked)}>
              包括已出党、已去世和已转出的党员
            </Checkbox>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              默认只导出在册党员（预备、正式、失联和停止党籍）；勾选后，已离开的党员按其实际状态列出（如“已出党：退党”），不作为在册党员。
            </Typography.Text>
          </Flex>
        )}
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
