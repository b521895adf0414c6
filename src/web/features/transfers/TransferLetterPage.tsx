import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Flex, Form, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { GENDER_LABELS, LETTER_STANDING_LABELS } from '../../../domain/membership/index.ts';
import { type TransferLetter, useTransferLetter } from '../../api/transfers.ts';
import { formatChineseDate } from '../../ui/dates.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { LoadingState } from '../../ui/LoadingState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import './transfer-letter.css';

/** A blank to be filled in by hand, or the value when there is one. */
function Blank({ value, wide = false }: { value?: ReactNode; wide?: boolean }) {
  return <span className={`transfer-letter-blank${wide ? ' wide' : ''}`}>{value ?? '\u00a0'}</span>;
}

const HANDWRITTEN_DATE = (
  <>
    <Blank /> 年 <Blank /> 月 <Blank /> 日
  </>
);

function DuesMonth({ month }: { month: Dayjs | null }) {
  return month ? (
    <Blank value={month.format('YYYY年M月')} />
  ) : (
    <>
      <Blank /> 年 <Blank /> 月
    </>
  );
}

/** 第 … 号, the same on the three parts. */
function LetterNo({ no }: { no: string }) {
  return <p className="transfer-letter-no">编号：{no}</p>;
}

/** Where the parts are cut apart; the number is written across the cut (骑缝). */
function Cut({ no }: { no: string }) {
  return (
    <div className="transfer-letter-cut" aria-hidden="true">
      <span>（沿此线剪开）骑缝编号 {no}</span>
    </div>
  );
}

function Particulars({ l }: { l: TransferLetter }) {
  const m = l.member;
  return (
    <>
      {m.name} 同志，{GENDER_LABELS[m.gender]}，{m.age === null ? <Blank /> : m.age} 岁，
      {m.ethnicity ?? <Blank />}，系中共{LETTER_STANDING_LABELS[l.member.standing]}，身份证号码{' '}
      <Blank value={m.idNumber} wide />
    </>
  );
}

/** 存根: kept by the issuing org. */
function Stub({ l, dues }: { l: TransferLetter; dues: Dayjs | null }) {
  return (
    <section className="transfer-letter-part" aria-label="存根">
      <h2>中国共产党党员组织关系介绍信（存根）</h2>
      <LetterNo no={l.letterNo} />
      <p>
        <Particulars l={l} />
        ，由 {l.fromOrgName} 转到 {l.toOrgName}。党费交到 <DuesMonth month={dues} />。
      </p>
      <p>（有效期 {l.validityDays} 天）</p>
      <div className="transfer-letter-sign">
        <div>{formatChineseDate(l.issuedOn)}</div>
      </div>
    </section>
  );
}

/** 介绍信: carried by the member to the receiving org, under the issuing org's seal. */
function Letter({ l, dues }: { l: TransferLetter; dues: Dayjs | null }) {
  return (
    <section className="transfer-letter-part" aria-label="介绍信">
      <h2>中国共产党党员组织关系介绍信</h2>
      <LetterNo no={l.letterNo} />
      <p className="transfer-letter-to">{l.toOrgName}：</p>
      <p>
        兹介绍 <Particulars l={l} />
        ，其党员组织关系由 {l.fromOrgName} 转到你处，请接洽。该同志党费已交到 <DuesMonth month={dues} />。
      </p>
      <p>（有效期 {l.validityDays} 天）</p>
      <div className="transfer-letter-sign">
        <div>
          <div className="transfer-letter-seal" />
          <div>{l.fromOrgName}（盖章）</div>
          <div>{formatChineseDate(l.issuedOn)}</div>
        </div>
      </div>
      <div className="transfer-letter-contacts">
        <div>
          党员联系电话或其他联系方式：
          <Blank wide />
        </div>
        <div>
          党员原所在基层党委通讯地址：
          <Blank wide />
          　联系电话：
          <Blank wide />
          　邮政编码：
          <Blank />
        </div>
      </div>
    </section>
  );
}

/** 回执: filled by the receiving org and sent back to the issuing org. */
function Receipt({ l }: { l: TransferLetter }) {
  const received = l.receivedOn !== null;
  return (
    <section className="transfer-letter-part" aria-label="回执">
      <h2>中国共产党党员组织关系介绍信回执</h2>
      <LetterNo no={l.letterNo} />
      <p className="transfer-letter-to">{l.fromOrgName}：</p>
      <p>你处介绍的 {l.member.name} 同志的党员组织关系已转达我处，特此回执。</p>
      <div className="transfer-letter-sign">
        <div>
          <div className="transfer-letter-seal" />
          <div>{received ? `${l.toOrgName}（盖章）` : <>接收党组织（盖章）</>}</div>
          <div>{received ? formatChineseDate(l.receivedOn) : HANDWRITTEN_DATE}</div>
        </div>
      </div>
    </section>
  );
}

/** The three parts on one sheet, as the standard form has them (docs/official-forms.md §11). */
export function TransferLetterDocument({ letter, dues }: { letter: TransferLetter; dues: Dayjs | null }) {
  return (
    <article className="transfer-letter" aria-label="组织关系介绍信" data-testid="transfer-letter">
      <Stub l={letter} dues={dues} />
      <Cut no={letter.letterNo} />
      <Letter l={letter} dues={dues} />
      <Cut no={letter.letterNo} />
      <Receipt l={letter} />
    </article>
  );
}

/**
 * 打印介绍信: the letter of one transfer, for whoever may see the transfer (either side). The server hands it out
 * (audited); the ID number is whole only for whom it may be. 党费交到 is typed here, not stored (no dues ledger
 * yet), or left blank for the pen. 打印 opens the browser's print dialog; the print stylesheet keeps the sheet only.
 */
export function TransferLetterPage() {
  const { transferId } = useParams();
  const id = Number(transferId);
  const location = useLocation();
  const back = (location.state as { back?: string } | null)?.back ?? '/member-transfers';
  const valid = Number.isInteger(id) && id > 0;
  const letter = useTransferLetter(id, valid);
  const [dues, setDues] = useState<Dayjs | null>(null);

  if (!valid) return <ErrorState error={null} what="组织关系转接" />;
  if (letter.isPending) return <LoadingState />;
  if (letter.isError) return <ErrorState error={letter.error} what="组织关系介绍信" />;
  const l = letter.data;

  return (
    <>
      <div className="no-print">
        <Link to={back}>
          <ArrowLeftOutlined /> 返回组织关系转接
        </Link>
        <PageHeader
          title="组织关系介绍信"
          documentTitle={`组织关系介绍信 ${l.letterNo}`}
          description={`${l.member.name}：${l.fromOrgName} → ${l.toOrgName}。存根由开具介绍信的党组织留存，介绍信由党员本人携带，回执由接收党组织填写后寄回。`}
          extra={
            <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
              打印
            </Button>
          }
        />
        <Flex vertical gap={12} style={{ marginBottom: 16 }}>
          {l.member.idNumberWhole || l.member.idNumber === null ? null : (
            <Alert
              type="info"
              showIcon
              title="身份证号码已隐去中间位：打印后请手工补全，或由组织管理员打印完整号码。"
            />
          )}
          <Form layout="inline">
            <Form.Item
              label="党费交到"
              htmlFor="letter-dues-month"
              extra="不保存，仅用于本次打印；不填则留空手写。"
            >
              <DatePicker
                id="letter-dues-month"
                picker="month"
                value={dues}
                onChange={setDues}
                placeholder="选择月份"
              />
            </Form.Item>
          </Form>
          <Typography.Text type="secondary">
            打印时请选择 A4 纸、纵向，并关闭浏览器的页眉页脚。
          </Typography.Text>
        </Flex>
      </div>
      <TransferLetterDocument letter={l} dues={dues} />
    </>
  );
}
