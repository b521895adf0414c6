import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Form, type FormInstance, Row } from 'antd';
import { Children, type ReactNode, useState } from 'react';

type FilterPanelProps<T> = {
  /** Prefixes the field ids, so that they never clash with a drawer's form on the same page. */
  name: string;
  form: FormInstance<T>;
  /** Filter fields (Form.Item each); the first three show when collapsed. */
  children: ReactNode;
  onSearch: (values: T) => void;
  onReset: () => void;
};

const VISIBLE_WHEN_COLLAPSED = 3;

/** The collapsible filter form of a list page (docs/design.md §4.3): 查询 / 重置 / 展开. */
export function FilterPanel<T>({ name, form, children, onSearch, onReset }: FilterPanelProps<T>) {
  const [expanded, setExpanded] = useState(false);
  const items = Children.toArray(children);
  const collapsible = items.length > VISIBLE_WHEN_COLLAPSED;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form name={name} form={form} layout="vertical" onFinish={onSearch} aria-label="筛选条件">
        <Row gutter={16} align="bottom">
          {items.map((item, i) => (
            // Collapsed fields stay mounted (hidden) so that their values keep filtering.
            <Col
              // biome-ignore lint/suspicious/noArrayIndexKey: the fields are a fixed list
              key={i}
              xs={24}
              sm={12}
              lg={6}
              style={
                collapsible && !expanded && i >= VISIBLE_WHEN_COLLAPSED ? { display: 'none' } : undefined
              }
            >
              {item}
            </Col>
          ))}
          <Col xs={24} sm={12} lg={6}>
            <Form.Item>
              <Flex gap={8} wrap>
                <Button type="primary" htmlType="submit">
                  查询
                </Button>
                <Button
                  onClick={() => {
                    form.resetFields();
                    onReset();
                  }}
                >
                  重置
                </Button>
                {collapsible ? (
                  <Button
                    type="link"
                    onClick={() => setExpanded((v) => !v)}
                    icon={expanded ? <UpOutlined /> : <DownOutlined />}
                    iconPlacement="end"
                  >
                    {expanded ? '收起' : '展开'}
                  </Button>
                ) : null}
              </Flex>
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
