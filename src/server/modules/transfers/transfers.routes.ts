import { IdParams } from '../../../contracts/common.ts';
import { BatchResult, BatchTransferBody } from '../../../contracts/member-batch.ts';
import {
  CancelTransferBody,
  CreateTransferBody,
  ReceiveTransferBody,
  ReceivingOrgQuery,
  ReceivingOrgView,
  RejectTransferBody,
  TransferLetterView,
  TransferListQuery,
  TransferPage,
  TransferPolicyView,
  TransferView,
} from '../../../contracts/transfers.ts';
import { type App, errorResponses } from '../../http/app-types.ts';
import { createTransfers } from './transfer-batch.service.ts';
import { cancelTransfer, receiveTransfer, rejectTransfer } from './transfer-decisions.service.ts';
import { getTransferLetter } from './transfer-letter.service.ts';
import {
  createTransfer,
  findReceivingOrgs,
  getTransfer,
  listTransferViews,
  transferPolicyFor,
} from './transfers.service.ts';

const tags = ['组织关系转接'];

function registerTransferReads(app: App): void {
  app.get(
    '/api/transfers',
    {
      schema: {
        tags,
        summary: '组织关系转接（转出、转入；逾期标记）',
        querystring: TransferListQuery,
        response: { 200: TransferPage, ...errorResponses },
      },
    },
    async (request) => listTransferViews(request.ctx, request.query),
  );
  app.get(
    '/api/transfers/policy',
    {
      schema: {
        tags,
        summary: '介绍信有效期（参数配置）',
        response: { 200: TransferPolicyView, ...errorResponses },
      },
    },
    async (request) => transferPolicyFor(request.ctx),
  );
  app.get(
    '/api/transfers/receiving-orgs',
    {
      schema: {
        tags,
        summary: '可接收组织关系的党支部、党小组（全系统，按名称或代码）',
        querystring: ReceivingOrgQuery,
        response: { 200: ReceivingOrgView.array(), ...errorResponses },
      },
    },
    async (request) => findReceivingOrgs(request.ctx, request.query),
  );
  app.get(
    '/api/transfers/:id',
    {
      schema: {
        tags,
        summary: '组织关系转接详情',
        params: IdParams,
        response: { 200: TransferView, ...errorResponses },
      },
    },
    async (request) => getTransfer(request.ctx, request.params),
  );
  app.get(
    '/api/transfers/:id/letter',
    {
      schema: {
        tags,
        summary: '组织关系介绍信（打印：存根、介绍信、回执；记入审计）',
        params: IdParams,
        response: { 200: TransferLetterView, ...errorResponses },
      },
    },
    async (request) => getTransferLetter(request.ctx, request.params),
  );
}

/** Issuing a letter: pending for a receiving org, or completed at once out of the deployment. */
function registerTransferIssue(app: App): void {
  app.post(
    '/api/transfers',
    {
      schema: {
        tags,
        summary: '开具组织关系介绍信（转出）',
        body: CreateTransferBody,
        response: { 200: TransferView, ...errorResponses },
      },
    },
    async (request) => createTransfer(request.ctx, request.body),
  );
  app.post(
    '/api/transfers/batch',
    {
      schema: {
        tags,
        summary:
          '批量转接（系统内）：为勾选的党员或当前筛选条件下的全部党员各开具一份介绍信，转往同一接收党组织；有人不能转接则整批不办理',
        body: BatchTransferBody,
        response: { 200: BatchResult, ...errorResponses },
      },
    },
    async (request) => createTransfers(request.ctx, request.body),
  );
}

/** The transfer state machine: issue, then receive, reject or cancel (条例第二十五条). */
export function registerTransferRoutes(app: App): void {
  registerTransferReads(app);
  registerTransferIssue(app);
  app.post(
    '/api/transfers/:id/receive',
    {
      schema: {
        tags,
        summary: '接收组织关系（接收方）',
        params: IdParams,
        body: ReceiveTransferBody,
        response: { 200: TransferView, ...errorResponses },
      },
    },
    async (request) => receiveTransfer(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/transfers/:id/reject',
    {
      schema: {
        tags,
        summary: '退回组织关系（接收方，须说明理由）',
        params: IdParams,
        body: RejectTransferBody,
        response: { 200: TransferView, ...errorResponses },
      },
    },
    async (request) => rejectTransfer(request.ctx, { ...request.params, ...request.body }),
  );
  app.post(
    '/api/transfers/:id/cancel',
    {
      schema: {
        tags,
        summary: '撤销组织关系转接（转出方）',
        params: IdParams,
        body: CancelTransferBody,
        response: { 200: TransferView, ...errorResponses },
      },
    },
    async (request) => cancelTransfer(request.ctx, { ...request.params, ...request.body }),
  );
}
