import { DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Popconfirm, Table, Typography, Upload } from 'antd';
import {
  type Attachment,
  downloadAttachment,
  type Meeting,
  useAttachments,
  useDeleteAttachment,
  useMeetingPolicy,
  useUploadAttachment,
} from '../../api/meetings.ts';
import { formatDateTime } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

const ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 附件: photos and files of the meeting; the server checks type (by content) and size and says why it refuses. */
export function AttachmentsPanel({ meeting }: { meeting: Meeting }) {
  const attachments = useAttachments(meeting.id);
  const policy = useMeetingPolicy();
  const upload = useUploadAttachment(meeting.id);
  const remove = useDeleteAttachment(meeting.id);
  const handleError = useApiErrorHandler();
  const { message } = App.useApp();
  const editable = meeting.can.edit;
  const types = policy.data?.attachmentTypes.join('、') ?? 'jpg、png、pdf、docx、xlsx';
  const maxMb = policy.data?.maxAttachmentMb;

  if (attachments.isError) {
    return <ErrorState error={attachments.error} what="附件" onRetry={() => attachments.refetch()} />;
  }
  return (
    <Flex vertical gap={12}>
      {editable ? (
        <Flex gap={12} align="center" wrap>
          <Upload
            accept={ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file, {
                onSuccess: (a) => message.success(`已上传 ${a.fileName}`),
                onError: (error) => handleError(error),
              });
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending}>
              上传附件
            </Button>
          </Upload>
          <Typography.Text type="secondary">
            支持 {types}
            {maxMb !== undefined ? `，单个文件不超过 ${maxMb} MB` : ''}
          </Typography.Text>
        </Flex>
      ) : null}
      <Table<Attachment>
        aria-label="附件"
        rowKey="id"
        size="small"
        loading={attachments.isPending}
        dataSource={attachments.data ?? []}
        pagination={false}
        locale={{ emptyText: '暂无附件：可上传签到表、会议照片、会议记录扫描件' }}
        columns={[
          { title: '文件名', dataIndex: 'fileName', key: 'fileName' },
          { title: '大小', key: 'size', width: 100, render: (_, a) => size(a.sizeBytes) },
          {
            title: '上传时间',
            key: 'uploadedAt',
            width: 180,
            render: (_, a) => formatDateTime(a.uploadedAt),
          },
          {
            title: '操作',
            key: 'actions',
            width: 180,
            render: (_, a) => (
              <Flex gap={4}>
                <Button
                  type="link"
                  size="small"
                  icon={<DownloadOutlined />}
                  aria-label={`下载 ${a.fileName}`}
                  onClick={() => downloadAttachment(meeting.id, a).catch((error) => handleError(error))}
                >
                  下载
                </Button>
                {editable ? (
                  <Popconfirm
                    title={`删除附件“${a.fileName}”？`}
                    okText="删除"
                    cancelText="取消"
                    okButtonProps={{ danger: true }}
                    onConfirm={() =>
                      remove.mutateAsync(a.id).then(
                        () => message.success('附件已删除'),
                        (error) => handleError(error),
                      )
                    }
                  >
                    <Button
                      type="link"
                      size="small"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`删除 ${a.fileName}`}
                    >
                      删除
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
