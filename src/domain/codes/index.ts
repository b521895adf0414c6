/** The official code lists of the 2017 党员信息采集 (民族, 学历, 工作岗位) and the coded cells that carry them. The only way into this area from outside it. */
export * from './coded-cell.ts';
export * from './education.ts';
export * from './ethnicity.ts';
export * from './reasons.ts';
export * from './work-post.ts';
