import { IMPORT_FORMATS, type ImportFormat } from '../../../contracts/member-import.ts';

/** The two layouts the importer reads and the exporter writes, as the roster pages name them. */
export const EXCEL_FORMATS = IMPORT_FORMATS;
export const EXCEL_FORMAT_LABELS: Record<ImportFormat, string> = {
  template: '本系统模板',
  official_2017: '2017年党员基本信息汇总表',
};
export const EXCEL_FORMAT_NOTES: Record<ImportFormat, string> = {
  template: '与导入模板的列相同，修改后可直接重新导入。',
  official_2017: '《党员基本信息汇总表》（2017）版式，可报送上级或交回索要名册的单位。',
};
