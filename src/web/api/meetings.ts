import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type BodyOf, call, type DataOf, type QueryOf } from './client.ts';
import { downloadFile } from './download.ts';

/** The meetings of organizational life (组织生活): the typed calls of /api/meetings and /api/me/meetings. */
export type MeetingQuery = QueryOf<'/api/meetings'> & { page: number; pageSize: number };
export type MeetingListItem = DataOf<'/api/meetings', 'get'>['items'][number];
export type Meeting = DataOf<'/api/meetings/{id}', 'get'>;
export type MeetingKind = Meeting['kinds'][number];
export type MeetingStatus = Meeting['status'];
export type AttendanceCounts = Meeting['counts'];
export type Quorum = Meeting['quorum'];
export type Attendance = DataOf<'/api/meetings/{id}/attendance', 'get'>;
export type Attendee = Attendance['attendees'][number];
export type AttendanceStatus = NonNullable<Attendee['attendance']>;
export type ExclusionReason = NonNullable<Attendee['excludedReason']>;
export type CheckInCode = DataOf<'/api/meetings/{id}/check-in-code', 'get'>;
export type CheckInResult = DataOf<'/api/meetings/{id}/check-in', 'post'>;
export type Attachment = DataOf<'/api/meetings/{id}/attachments', 'get'>[number];
export type Vote = DataOf<'/api/meetings/{id}/votes', 'get'>[number];
export type MyMeetings = DataOf<'/api/me/meetings', 'get'>;
export type MyMeeting = MyMeetings['upcoming'][number];
export type MeetingPolicy = DataOf<'/api/meetings/policy', 'get'>;

export type CreateMeetingInput = BodyOf<'/api/meetings', 'post'>;
export type UpdateMeetingInput = BodyOf<'/api/meetings/{id}', 'patch'>;
export type HoldMeetingInput = BodyOf<'/api/meetings/{id}/hold', 'post'>;
export type ReopenMeetingInput = BodyOf<'/api/meetings/{id}/reopen', 'post'>;
export type PutAttendanceInput = BodyOf<'/api/meetings/{id}/attendance', 'put'>;
export type AttendanceEntry = PutAttendanceInput['attendees'][number];
export type CreateVoteInput = BodyOf<'/api/meetings/{id}/votes', 'post'>;

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (query: MeetingQuery) => ['meetings', 'list', query] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
  attendance: (id: number) => ['meetings', 'attendance', id] as const,
  attachments: (id: number) => ['meetings', 'attachments', id] as const,
  votes: (id: number) => ['meetings', 'votes', id] as const,
  checkInCode: (id: number) => ['meetings', 'check-in-code', id] as const,
  policy: ['meetings', 'policy'] as const,
  mine: ['me', 'meetings'] as const,
};

export function useMeetings(query: MeetingQuery, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.list(query),
    queryFn: ({ signal }) => api.GET('/api/meetings', { params: { query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeeting(id: number) {
  return useQuery({
    queryKey: meetingKeys.detail(id),
    queryFn: ({ signal }) => api.GET('/api/meetings/{id}', { params: { path: { id } }, signal }),
  });
}

export function useAttendance(id: number) {
  return useQuery({
    queryKey: meetingKeys.attendance(id),
    queryFn: ({ signal }) => api.GET('/api/meetings/{id}/attendance', { params: { path: { id } }, signal }),
  });
}

export function useAttachments(id: number) {
  return useQuery({
    queryKey: meetingKeys.attachments(id),
    queryFn: ({ signal }) => api.GET('/api/meetings/{id}/attachments', { params: { path: { id } }, signal }),
  });
}

export function useVotes(id: number, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.votes(id),
    queryFn: ({ signal }) => api.GET('/api/meetings/{id}/votes', { params: { path: { id } }, signal }),
    enabled,
  });
}

/** The QR code's content and validity; a fresh one each time the panel opens. */
export function useCheckInCode(id: number, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.checkInCode(id),
    queryFn: ({ signal }) =>
      api.GET('/api/meetings/{id}/check-in-code', { params: { path: { id } }, signal }),
    enabled,
    retry: false,
  });
}

/** 不计入应到会的事由、补课期限、签到时段、附件限制 as the deployment configured them. */
export function useMeetingPolicy() {
  return useQuery({
    queryKey: meetingKeys.policy,
    queryFn: ({ signal }) => api.GET('/api/meetings/policy', { signal }),
    staleTime: 5 * 60_000,
  });
}

/** Any change of a meeting moves its counts, its lists, the compliance figures and the 待办. */
function useMeetingMutation<I, O>(request: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () =>
      Promise.all(
        [meetingKeys.all, meetingKeys.mine, ['compliance'], ['workbench'], ['findings']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreateMeeting = () =>
  useMeetingMutation((input: CreateMeetingInput) => api.POST('/api/meetings', { body: input }));

export const useUpdateMeeting = (id: number) =>
  useMeetingMutation((input: UpdateMeetingInput) =>
    api.PATCH('/api/meetings/{id}', { params: { path: { id } }, body: input }),
  );

export const useDeleteMeeting = (id: number) =>
  useMeetingMutation((version: number) =>
    api.DELETE('/api/meetings/{id}', { params: { path: { id }, query: { version } } }),
  );

export const useHoldMeeting = (id: number) =>
  useMeetingMutation((input: HoldMeetingInput) =>
    api.POST('/api/meetings/{id}/hold', { params: { path: { id } }, body: input }),
  );

export const useCloseMeeting = (id: number) =>
  useMeetingMutation((version: number) =>
    api.POST('/api/meetings/{id}/close', { params: { path: { id } }, body: { version } }),
  );

export const useReopenMeeting = (id: number) =>
  useMeetingMutation((input: ReopenMeetingInput) =>
    api.POST('/api/meetings/{id}/reopen', { params: { path: { id } }, body: input }),
  );

export const usePutAttendance = (id: number) =>
  useMeetingMutation((input: PutAttendanceInput) =>
    api.PUT('/api/meetings/{id}/attendance', { params: { path: { id } }, body: input }),
  );

export const useCreateVote = (id: number) =>
  useMeetingMutation((input: CreateVoteInput) =>
    api.POST('/api/meetings/{id}/votes', { params: { path: { id } }, body: input }),
  );

export const useDeleteAttachment = (id: number) =>
  useMeetingMutation((attachmentId: number) =>
    api.DELETE('/api/meetings/{id}/attachments/{attachmentId}', {
      params: { path: { id, attachmentId } },
    }),
  );

/**
 * POST /api/meetings/{id}/attachments (multipart, one `file`): the server checks the type by content and the
 * size by the setting, and refuses in Chinese.
 */
export const useUploadAttachment = (id: number) =>
  useMeetingMutation(async (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    const init = { params: { path: { id } }, body: form };
    const { data } = await call('POST', '/api/meetings/{id}/attachments', init);
    // The answer as the API document declares it, trusted as the typed calls trust theirs.
    return data as Attachment;
  });

export function downloadAttachment(meetingId: number, attachment: Attachment): Promise<void> {
  return downloadFile(
    '/api/meetings/{id}/attachments/{attachmentId}',
    { params: { path: { id: meetingId, attachmentId: attachment.id } } },
    attachment.fileName,
  );
}

/** 我的会议: the signed-in member's meetings, upcoming and past, with their own attendance. */
export function useMyMeetings() {
  return useQuery({
    queryKey: meetingKeys.mine,
    queryFn: ({ signal }) => api.GET('/api/me/meetings', { signal }),
  });
}

export const useCheckIn = (id: number) =>
  useMeetingMutation((token: string) =>
    api.POST('/api/meetings/{id}/check-in', { params: { path: { id } }, body: { token } }),
  );

export const useRequestLeave = () =>
  useMeetingMutation(({ id, reason }: { id: number; reason: string }) =>
    api.POST('/api/me/meetings/{id}/leave', { params: { path: { id } }, body: { reason } }),
  );
