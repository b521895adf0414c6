import type { Module } from '../module.ts';
import { registerAttachmentRoutes } from './meeting-attachments.routes.ts';
import { registerAttendanceRoutes } from './meeting-attendance.routes.ts';
import { registerMeetingRegisterRoutes } from './meeting-register.routes.ts';
import { registerVoteRoutes } from './meeting-votes.routes.ts';
import { registerMeetingRoutes } from './meetings.routes.ts';

/** The meetings module's public file (组织生活: 三会一课 and the other meetings): all other modules may use of it. */
export const meetingsModule: Module = {
  name: 'meetings',
  registerRoutes: (app) => {
    registerMeetingRoutes(app);
    registerAttendanceRoutes(app);
    registerAttachmentRoutes(app);
    registerVoteRoutes(app);
    registerMeetingRegisterRoutes(app);
  },
};
