import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { downloadTemplate } from '../../api/member-import.ts';
import { useApiErrorHandler } from '../../ui/use-api-error.ts';

/** 下载模板: what the importer reads, and the template to fill. */
export function TemplateStep({ onNext }: { onNext: () => void }) {
  const { message } = App.useApp();
  const handleError = useApiErrorHandler();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadTemplate();
      message.success('模板已下载');
    } catch (error) {
      handleError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Paragraph style={{ margin: 0 }}>可以导入两种 Excel 文件（.xlsx）：</Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        <li>
          <Typography.Text strong>本系统模板</Typography.Text>
          ：含填写说明和下拉选项（民族、学历、工作岗位等按官方代码），推荐使用；
        </li>
        <li>
          <Typography.Text strong>2017年《党员基本信息汇总表》</Typography.Text>
          ：各支部已有的汇总表可直接上传，每个支部一张工作表也可以，系统按表头识别，代码表工作表自动跳过。
        </li>
      </ul>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        身份证号请以文本格式填写：数字格式的单元格会被 Excel 丢掉末位，系统将拒绝这样的号码并说明原因。
      </Typography.Paragraph>
      <Flex gap={8}>
        <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={download}>
          下载导入模板
        </Button>
        <Button onClick={onNext}>已有文件，下一步</Button>
      </Flex>
    </Flex>
  );
}
