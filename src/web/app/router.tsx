import { type ReactNode, Suspense } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { LoadingState } from '../ui/LoadingState.tsx';
import { AppLayout } from './AppLayout.tsx';
import { HomeRedirect } from './HomeRedirect.tsx';
import { lazyPage } from './lazy-page.ts';
import { MobileLayout } from './MobileLayout.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { MEMBER_HOME_PATH, type NavKey, PROFILE_PATH } from './navigation.ts';
import { RequireNav } from './RequireNav.tsx';
import {
  CHANGE_PASSWORD_PATH,
  ENROL_SECOND_FACTOR_PATH,
  LOGIN_PATH,
  RequireSession,
} from './RequireSession.tsx';
import { RouteError } from './RouteError.tsx';

// Each page is its own chunk (docs/design.md §4.7): the login page does not carry ECharts or the org tree.
const LoginPage = lazyPage(() => import('../features/auth/LoginPage.tsx'), 'LoginPage');
const InitialPasswordPage = lazyPage(
  () => import('../features/auth/InitialPasswordPage.tsx'),
  'InitialPasswordPage',
);
const SecondFactorEnrolPage = lazyPage(
  () => import('../features/auth/SecondFactorEnrolPage.tsx'),
  'SecondFactorEnrolPage',
);
const WorkbenchPage = lazyPage(() => import('../features/workbench/WorkbenchPage.tsx'), 'WorkbenchPage');
const OrgsPage = lazyPage(() => import('../features/orgs/OrgsPage.tsx'), 'OrgsPage');
const UsersPage = lazyPage(() => import('../features/users/UsersPage.tsx'), 'UsersPage');
const SettingsPage = lazyPage(() => import('../features/settings/SettingsPage.tsx'), 'SettingsPage');
const AuditPage = lazyPage(() => import('../features/audit/AuditPage.tsx'), 'AuditPage');
const ProfilePage = lazyPage(() => import('../features/profile/ProfilePage.tsx'), 'ProfilePage');
const MembersPage = lazyPage(() => import('../features/members/MembersPage.tsx'), 'MembersPage');
const MemberDetailPage = lazyPage(
  () => import('../features/members/MemberDetailPage.tsx'),
  'MemberDetailPage',
);
const PendingDecisionsPage = lazyPage(
  () => import('../features/members/PendingDecisionsPage.tsx'),
  'PendingDecisionsPage',
);
const LapseCasesPage = lazyPage(() => import('../features/lapse-cases/LapseCasesPage.tsx'), 'LapseCasesPage');
const MemberCardPage = lazyPage(() => import('../features/members/MemberCardPage.tsx'), 'MemberCardPage');
const TransfersPage = lazyPage(() => import('../features/transfers/TransfersPage.tsx'), 'TransfersPage');
const TransferLetterPage = lazyPage(
  () => import('../features/transfers/TransferLetterPage.tsx'),
  'TransferLetterPage',
);
const LedgerPage = lazyPage(() => import('../features/ledger/LedgerPage.tsx'), 'LedgerPage');
const LedgerPrintPage = lazyPage(() => import('../features/ledger/LedgerPrintPage.tsx'), 'LedgerPrintPage');
const ImportBatchesPage = lazyPage(
  () => import('../features/member-import/ImportBatchesPage.tsx'),
  'ImportBatchesPage',
);
const ImportWizardPage = lazyPage(
  () => import('../features/member-import/ImportWizardPage.tsx'),
  'ImportWizardPage',
);
const MyMemberPage = lazyPage(() => import('../features/me/MyMemberPage.tsx'), 'MyMemberPage');
const MeetingsPage = lazyPage(() => import('../features/meetings/MeetingsPage.tsx'), 'MeetingsPage');
const MeetingFormPage = lazyPage(() => import('../features/meetings/MeetingFormPage.tsx'), 'MeetingFormPage');
const MeetingDetailPage = lazyPage(
  () => import('../features/meetings/MeetingDetailPage.tsx'),
  'MeetingDetailPage',
);
const MyMeetingsPage = lazyPage(() => import('../features/me-meetings/MyMeetingsPage.tsx'), 'MyMeetingsPage');
const CheckInPage = lazyPage(() => import('../features/me-meetings/CheckInPage.tsx'), 'CheckInPage');
const CompliancePage = lazyPage(() => import('../features/compliance/CompliancePage.tsx'), 'CompliancePage');
const AppraisalsPage = lazyPage(() => import('../features/appraisals/AppraisalsPage.tsx'), 'AppraisalsPage');
const AppraisalRoundPage = lazyPage(
  () => import('../features/appraisals/AppraisalRoundPage.tsx'),
  'AppraisalRoundPage',
);
const TalksPage = lazyPage(() => import('../features/talks/TalksPage.tsx'), 'TalksPage');
const MyDuesPage = lazyPage(() => import('../features/me-dues/MyDuesPage.tsx'), 'MyDuesPage');
const MyAppraisalsPage = lazyPage(
  () => import('../features/appraisals/MyAppraisalsPage.tsx'),
  'MyAppraisalsPage',
);
const DuesSheetPage = lazyPage(() => import('../features/dues/DuesSheetPage.tsx'), 'DuesSheetPage');
const DuesSheetPrintPage = lazyPage(
  () => import('../features/dues/DuesSheetPrintPage.tsx'),
  'DuesSheetPrintPage',
);
const DuesBasesPage = lazyPage(() => import('../features/dues-bases/DuesBasesPage.tsx'), 'DuesBasesPage');
const DuesSummaryPage = lazyPage(() => import('../features/dues/DuesSummaryPage.tsx'), 'DuesSummaryPage');
const DuesReductionsPage = lazyPage(
  () => import('../features/dues-reductions/DuesReductionsPage.tsx'),
  'DuesReductionsPage',
);
const MeetingRegisterPrintPage = lazyPage(
  () => import('../features/meetings/MeetingRegisterPrintPage.tsx'),
  'MeetingRegisterPrintPage',
);

const standalone = (page: ReactNode) => <Suspense fallback={<LoadingState fullScreen />}>{page}</Suspense>;

/** A page of the side menu, open only to the users who see its entry. */
const guarded = (path: string, nav: NavKey, page: ReactNode) => ({
  path,
  element: <RequireNav nav={nav}>{page}</RequireNav>,
});

export const router = createBrowserRouter([
  { path: LOGIN_PATH, element: standalone(<LoginPage />), errorElement: <RouteError /> },
  {
    path: CHANGE_PASSWORD_PATH,
    element: standalone(<InitialPasswordPage />),
    errorElement: <RouteError />,
  },
  {
    path: ENROL_SECOND_FACTOR_PATH,
    element: standalone(<SecondFactorEnrolPage />),
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <HomeRedirect /> },
      {
        path: 'workbench',
        element: (
          <RequireNav nav="workbench">
            <WorkbenchPage />
          </RequireNav>
        ),
      },
      {
        path: 'orgs/:orgId?',
        element: (
          <RequireNav nav="orgs">
            <OrgsPage />
          </RequireNav>
        ),
      },
      guarded('members', 'members', <MembersPage />),
      guarded('members/:memberId', 'members', <MemberDetailPage />),
      guarded('members/:memberId/card', 'members', <MemberCardPage />),
      guarded('member-decisions', 'decisions', <PendingDecisionsPage />),
      guarded('lapse-cases', 'lapseCases', <LapseCasesPage />),
      guarded('member-transfers', 'transfers', <TransfersPage />),
      guarded('member-transfers/:transferId/letter', 'transfers', <TransferLetterPage />),
      guarded('member-ledger', 'ledger', <LedgerPage />),
      guarded('member-ledger/print', 'ledger', <LedgerPrintPage />),
      guarded('member-imports', 'imports', <ImportBatchesPage />),
      guarded('member-imports/new', 'imports', <ImportWizardPage />),
      guarded('meetings', 'meetings', <MeetingsPage />),
      guarded('meetings/new', 'meetings', <MeetingFormPage />),
      guarded('meetings/:meetingId', 'meetings', <MeetingDetailPage />),
      guarded('org-life/compliance', 'compliance', <CompliancePage />),
      guarded('org-life/appraisals', 'appraisals', <AppraisalsPage />),
      guarded('org-life/appraisals/:roundId', 'appraisals', <AppraisalRoundPage />),
      guarded('org-life/talks', 'talks', <TalksPage />),
      guarded('meetings/register/print', 'meetings', <MeetingRegisterPrintPage />),
      guarded('dues/sheet', 'duesSheet', <DuesSheetPage />),
      guarded('dues/sheet/print', 'duesSheet', <DuesSheetPrintPage />),
      guarded('dues/summary', 'duesSummary', <DuesSummaryPage />),
      guarded('dues/reductions', 'duesReductions', <DuesReductionsPage />),
      guarded('dues/bases', 'duesBases', <DuesBasesPage />),
      {
        path: 'system/users',
        element: (
          <RequireNav nav="users">
            <UsersPage />
          </RequireNav>
        ),
      },
      {
        path: 'system/settings',
        element: (
          <RequireNav nav="settings">
            <SettingsPage />
          </RequireNav>
        ),
      },
      {
        path: 'system/audit',
        element: (
          <RequireNav nav="audit">
            <AuditPage />
          </RequireNav>
        ),
      },
      { path: PROFILE_PATH.slice(1), element: <ProfilePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    // Members' own pages (docs/design.md §4.4: `/m/…`, phone first), outside the desktop frame.
    path: '/m',
    element: (
      <RequireSession>
        <MobileLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Navigate to={MEMBER_HOME_PATH} replace /> },
      { path: MEMBER_HOME_PATH.slice(3), element: <MyMemberPage /> },
      { path: 'meetings', element: <MyMeetingsPage /> },
      { path: 'appraisals', element: <MyAppraisalsPage /> },
      { path: 'dues', element: <MyDuesPage /> },
    ],
  },
  {
    // The address of a meeting's check-in QR code (GET /api/meetings/:id/check-in-code), on the member's phone.
    path: '/check-in',
    element: (
      <RequireSession>
        <MobileLayout />
      </RequireSession>
    ),
    errorElement: <RouteError />,
    children: [{ path: 'meetings/:meetingId', element: <CheckInPage /> }],
  },
]);
