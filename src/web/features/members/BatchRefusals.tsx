import { Alert } from 'antd';
import type { BatchRefusalRow } from '../../api/member-batch.ts';

/** Why a whole batch was refused: each member and the rule's message (nothing was written). */
export function BatchRefusals({ rows }: { rows: BatchRefusalRow[] }) {
  if (rows.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      title={`以下 ${rows.length} 名党员不能办理，整批未办理：`}
      description={
        <ul
          aria-label="不能办理的党员"
          style={{ margin: 0, paddingInlineStart: 20, maxHeight: 200, overflow: 'auto' }}
        >
          {rows.map((r) => (
            <li key={r.memberId}>
              {r.name}：{r.message}
            </li>
          ))}
        </ul>
      }
    />
  );
}
