// Generated from the service's own OpenAPI document by `npm run web:client`. Do not edit.

export type paths = {
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminUsersController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["AdminUsersController_update"];
        trace?: never;
    };
    "/api/v1/admin/users/{id}/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["TwoFactorController_reset"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["AdminSessionsController_endAll"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}/sign-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AdminSessionsController_signIns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AttachmentsController_get"];
        put?: never;
        post?: never;
        delete: operations["AttachmentsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AttachmentsController_content"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TwoFactorController_disable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TwoFactorController_enable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/2fa/setup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TwoFactorController_setup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ApiKeysController_list"];
        put?: never;
        post: operations["ApiKeysController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["ApiKeysController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SessionsController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login/2fa": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SessionsController_loginWithSecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SessionsController_logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OidcController_callback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/exchange": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["OidcController_exchange"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/oidc/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["OidcController_login"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_providers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SessionsController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["SessionsController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["SessionsController_endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/sign-ins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SessionsController_signIns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/calendar/{token}.ics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CalendarController_feed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ActivityController_changes"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/comments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CommentsController_get"];
        put?: never;
        post?: never;
        delete: operations["CommentsController_remove"];
        options?: never;
        head?: never;
        patch: operations["CommentsController_update"];
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ImportsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ImportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["NotificationsController_markRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationsController_unreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProjectsController_list"];
        put?: never;
        post: operations["ProjectsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProjectsController_get"];
        put: operations["ProjectsController_replace"];
        post?: never;
        delete: operations["ProjectsController_remove"];
        options?: never;
        head?: never;
        patch: operations["ProjectsController_update"];
        trace?: never;
    };
    "/api/v1/projects/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ActivityController_forProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{id}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ProjectsController_transfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExportsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/fields": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["FieldsController_list"];
        put?: never;
        post: operations["FieldsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/fields/{fieldId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["FieldsController_remove"];
        options?: never;
        head?: never;
        patch: operations["FieldsController_update"];
        trace?: never;
    };
    "/api/v1/projects/{projectId}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LabelsController_list"];
        put?: never;
        post: operations["LabelsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/labels/{labelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["LabelsController_get"];
        put?: never;
        post?: never;
        delete: operations["LabelsController_remove"];
        options?: never;
        head?: never;
        patch: operations["LabelsController_update"];
        trace?: never;
    };
    "/api/v1/projects/{projectId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["MembersController_list"];
        put?: never;
        post: operations["MembersController_add"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["MembersController_remove"];
        options?: never;
        head?: never;
        patch: operations["MembersController_changeRole"];
        trace?: never;
    };
    "/api/v1/projects/{projectId}/states": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["StatesController_list"];
        put?: never;
        post: operations["StatesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/states/{stateId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["StatesController_remove"];
        options?: never;
        head?: never;
        patch: operations["StatesController_update"];
        trace?: never;
    };
    "/api/v1/projects/{projectId}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProjectTasksController_list"];
        put?: never;
        post: operations["ProjectTasksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/tasks/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ProjectTasksController_createMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ProjectViewsController_list"];
        put?: never;
        post: operations["ProjectViewsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_list"];
        put?: never;
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_get"];
        put?: never;
        post?: never;
        delete: operations["WebhooksController_remove"];
        options?: never;
        head?: never;
        patch: operations["WebhooksController_update"];
        trace?: never;
    };
    "/api/v1/projects/{projectId}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/projects/{projectId}/webhooks/{webhookId}/deliveries/{deliveryId}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WebhooksController_redeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TasksController_list"];
        put?: never;
        post: operations["TasksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TasksController_get"];
        put: operations["TasksController_replace"];
        post?: never;
        delete: operations["TasksController_remove"];
        options?: never;
        head?: never;
        patch: operations["TasksController_update"];
        trace?: never;
    };
    "/api/v1/tasks/{id}/activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ActivityController_forTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/github/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TasksController_refreshGithub"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TasksController_move"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/relations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RelationsController_list"];
        put?: never;
        post: operations["RelationsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/relations/{relationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["RelationsController_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TasksController_restore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/shares": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["SharesController_list"];
        put?: never;
        post: operations["SharesController_share"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{id}/shares/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["SharesController_unshare"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{taskId}/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TaskAttachmentsController_list"];
        put?: never;
        post: operations["TaskAttachmentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/{taskId}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TaskCommentsController_list"];
        put?: never;
        post: operations["TaskCommentsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TasksController_updateMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/tasks/bulk-delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TasksController_removeMany"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_directory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["UsersController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/users/me/calendar-feed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CalendarFeedController_create"];
        delete: operations["CalendarFeedController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["NotificationSettingsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["NotificationSettingsController_update"];
        trace?: never;
    };
    "/api/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["UsersController_changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/views/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ViewsController_get"];
        put?: never;
        post?: never;
        delete: operations["ViewsController_remove"];
        options?: never;
        head?: never;
        patch: operations["ViewsController_update"];
        trace?: never;
    };
    "/api/v1/views/{id}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ViewsController_tasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        ActivityDto: {
            /**
             * Format: uuid
             * @description Null when the service itself made the change
             */
            actorId: string | null;
            /**
             * @example {
             *       "title": {
             *         "from": "Draft",
             *         "to": "Final"
             *       }
             *     }
             */
            changes: {
                [key: string]: {
                    from?: unknown;
                    to?: unknown;
                };
            };
            /** @enum {string} */
            event: "project.created" | "project.updated" | "project.deleted" | "member.added" | "member.updated" | "member.removed" | "label.created" | "label.updated" | "label.deleted" | "state.created" | "state.updated" | "state.deleted" | "field.created" | "field.updated" | "field.deleted" | "task.created" | "task.updated" | "task.moved" | "task.assigned" | "task.unassigned" | "task.deleted" | "task.restored" | "task.shared" | "task.unshared" | "task.recurred" | "task.reminder" | "task.unblocked" | "relation.created" | "relation.deleted" | "comment.created" | "comment.updated" | "comment.deleted" | "attachment.added" | "attachment.removed" | "notification.created";
            /**
             * Format: uuid
             * @description Unique per record: a receiver deduplicates by it
             */
            id: string;
            occurredAt: string;
            /** Format: uuid */
            projectId: string;
            /** @description Grows strictly with commit order across the whole service */
            seq: number;
            /** Format: uuid */
            taskId: string | null;
            /**
             * Format: uuid
             * @description The member or share recipient a member.* or task.(un)shared record is about
             */
            userId: string | null;
            /** @description The task or project version the change produced */
            version: number | null;
        };
        ActivityPageDto: {
            items: components["schemas"]["ActivityDto"][];
            nextCursor: string | null;
        };
        AddMemberDto: {
            /** @example grace@example.com */
            email?: string;
            /**
             * @description Ownership moves only by transfer
             * @enum {string}
             */
            role: "admin" | "member" | "viewer";
            /**
             * Format: uuid
             * @description Either userId or email
             */
            userId?: string;
        };
        AdminUpdateUserDto: {
            disabled?: boolean;
            /** @enum {string} */
            role?: "admin" | "user";
        };
        ApiKeyDto: {
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
            /**
             * @description The visible start of the key, to recognise it
             * @example tfk_AbC12345
             */
            prefix: string;
            scopes: ("profile:read" | "profile:write" | "projects:read" | "projects:write" | "members:write" | "tasks:read" | "tasks:write" | "webhooks:write" | "admin")[] | null;
        };
        ApiKeyListDto: {
            items: components["schemas"]["ApiKeyDto"][];
            nextCursor: string | null;
        };
        AttachmentDto: {
            /**
             * @description Detected from the bytes; what the client declared is ignored
             * @example image/png
             */
            contentType: string;
            createdAt: string;
            /** Format: uuid */
            createdById: string;
            /** @description As uploaded, without any path; at most 255 characters */
            filename: string;
            /** Format: uuid */
            id: string;
            /** @description Hex SHA-256 of the bytes; also the ETag of the content */
            sha256: string;
            /** @description Bytes */
            size: number;
            /** Format: uuid */
            taskId: string;
        };
        AttachmentPageDto: {
            /** @description Oldest first */
            items: components["schemas"]["AttachmentDto"][];
            nextCursor: string | null;
        };
        AuthResponseDto: {
            /** @description JWT, valid expiresIn seconds */
            accessToken: string;
            /** @example 900 */
            expiresIn: number;
            /** @description Opaque; works once, then the next one comes back */
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
            user: components["schemas"]["UserDto"];
        };
        BulkAnswerDto: {
            /** @description One per id (or item), in order */
            results: components["schemas"]["BulkResultDto"][];
        };
        BulkCreateDto: {
            items: components["schemas"]["CreateTaskDto"][];
        };
        BulkDeleteDto: {
            /**
             * @description true: nothing is written unless every task can be (the others answer 424); false: what can be
             * @default true
             */
            atomic?: boolean;
            ids: string[];
            /**
             * @description The version each task must be at (like If-Match); a task at another answers 412
             * @example {
             *       "0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10": 3
             *     }
             */
            versions?: {
                [key: string]: number;
            };
        };
        BulkProblemDto: {
            detail: string;
            status: number;
            title: string;
        };
        BulkResultDto: {
            /** Format: uuid */
            id: string;
            /** @description The problem its own request would have answered */
            problem?: components["schemas"]["BulkProblemDto"];
            /**
             * @description 200 (or 201, 204), 403, 404, 409, 412, 422; 424 when not attempted
             * @example 200
             */
            status: number;
            task?: components["schemas"]["TaskDto"];
        };
        BulkSetDto: {
            /** @description Labels to add, keeping the others */
            addLabelIds?: string[];
            /**
             * Format: uuid
             * @description Must be a member of the project
             */
            assigneeId?: string | null;
            /** @description Same as status "completed" */
            completed?: boolean;
            description?: string | null;
            /** @example 2026-12-31 */
            dueDate?: string | null;
            /**
             * @description Values of the project's custom fields by field id, each of its field's type (text, number, date as YYYY-MM-DD, true/false, an option id, an array of option ids, a member id, a URL); null clears one. A PATCH changes the fields it names; a PUT or a create sets exactly these
             * @example {
             *       "0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10": 3
             *     }
             */
            fields?: {
                [key: string]: unknown;
            };
            /** @description Labels of the task's project; the task has exactly these */
            labelIds?: string[];
            /**
             * Format: uuid
             * @description A task of the same project to nest under (at most 5 levels); null makes it top-level
             */
            parentId?: string | null;
            /**
             * @description Higher is more important
             * @default 0
             */
            priority?: number;
            /**
             * Format: uuid
             * @description Omit for your Inbox on create; on update, moves the task (rights needed in both projects)
             */
            projectId?: string;
            /** @description Needs a dueDate; null stops it */
            recurrence?: components["schemas"]["RecurrenceDto"] | null;
            reminders?: components["schemas"]["ReminderDto"][];
            /** @description Labels to take off */
            removeLabelIds?: string[];
            /**
             * Format: uuid
             * @description One of the project's workflow states; sets status from its category
             */
            stateId?: string;
            /** @enum {string} */
            status?: "pending" | "in_progress" | "completed";
            /**
             * @description Where the task's dates are; the creator's by default
             * @example Europe/Berlin
             */
            timezone?: string;
            /** @example Write the launch post */
            title?: string;
        };
        BulkUpdateDto: {
            /**
             * @description true: nothing is written unless every task can be (the others answer 424); false: what can be
             * @default true
             */
            atomic?: boolean;
            ids: string[];
            set: components["schemas"]["BulkSetDto"];
            /**
             * @description The version each task must be at (like If-Match); a task at another answers 412
             * @example {
             *       "0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10": 3
             *     }
             */
            versions?: {
                [key: string]: number;
            };
        };
        CalendarFeedDto: {
            /**
             * @description Secret: anyone with it reads the feed. Shown only here; creating again rotates it.
             * @example https://taskforge.example.com/api/v1/calendar/tfc_….ics
             */
            url: string;
        };
        ChangePasswordDto: {
            currentPassword: string;
            /** @example correct horse battery staple */
            newPassword: string;
        };
        ChangesDto: {
            /** @description True when the page is full and more records may follow at once */
            hasMore: boolean;
            /** @description Oldest first */
            items: components["schemas"]["ActivityDto"][];
            /** @description Pass as `since` next time; nothing at or below it is left to read */
            nextSince: number;
        };
        CommentDto: {
            /** Format: uuid */
            authorId: string;
            body: string;
            createdAt: string;
            /** @description When the body last changed */
            editedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Readers of the task it mentions */
            mentions: string[];
            /** Format: uuid */
            taskId: string;
            updatedAt: string;
            version: number;
        };
        CommentPageDto: {
            /** @description Oldest first; deleted ones as tombstones */
            items: (components["schemas"]["CommentDto"] | components["schemas"]["CommentTombstoneDto"])[];
            nextCursor: string | null;
        };
        CommentTombstoneDto: {
            createdAt: string;
            /** @enum {boolean} */
            deleted: true;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            taskId: string;
        };
        CreateApiKeyDto: {
            /**
             * @description Omit (or null): never
             * @example 2027-01-01T00:00:00.000Z
             */
            expiresAt?: string | null;
            /** @example CI pipeline */
            name: string;
            /** @description Omit (or null) for every scope the user has */
            scopes?: ("profile:read" | "profile:write" | "projects:read" | "projects:write" | "members:write" | "tasks:read" | "tasks:write" | "webhooks:write" | "admin")[] | null;
        };
        CreatedApiKeyDto: {
            createdAt: string;
            /** Format: date-time */
            expiresAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Shown this once; only its hash is stored */
            key: string;
            /** Format: date-time */
            lastUsedAt: string | null;
            name: string;
            /**
             * @description The visible start of the key, to recognise it
             * @example tfk_AbC12345
             */
            prefix: string;
            scopes: ("profile:read" | "profile:write" | "projects:read" | "projects:write" | "members:write" | "tasks:read" | "tasks:write" | "webhooks:write" | "admin")[] | null;
        };
        CreateFieldDto: {
            /**
             * @description Unique in the project, ignoring case
             * @example Estimate
             */
            name: string;
            /** @description select and multi_select only: its choices, in order. On update, the whole list: an option left out is removed, and taken off every task that had it (each change in that task's history) */
            options?: components["schemas"]["FieldOptionInput"][];
            /** @description Its place among the fields, from 0; at the end when omitted */
            position?: number;
            /**
             * @description What its values are; it cannot change later
             * @enum {string}
             */
            type: "text" | "number" | "date" | "checkbox" | "select" | "multi_select" | "user" | "url";
        };
        CreateImportBody: {
            /**
             * Format: binary
             * @description The file, at most IMPORT_MAX_BYTES
             */
            file: string;
            /**
             * @description taskforge: a Taskforge export (JSON); trello: a Trello board export (JSON); todoist: a Todoist project in its CSV template; csv: any CSV with a header row and a title column
             * @enum {string}
             */
            source: "taskforge" | "trello" | "todoist" | "csv";
        };
        CreateLabelDto: {
            /** @example #d73a4a */
            color: string;
            /**
             * @description Unique in the project, ignoring case
             * @example bug
             */
            name: string;
        };
        CreateProjectDto: {
            /** @example Everything for the new site */
            description?: string | null;
            /** @example Website relaunch */
            name: string;
        };
        CreateRelationDto: {
            /**
             * Format: uuid
             * @description The other task; the caller must be able to read it
             */
            taskId: string;
            /**
             * @description As seen from the task in the path
             * @enum {string}
             */
            type: "blocks" | "blocked_by" | "relates_to" | "duplicates" | "duplicated_by";
        };
        CreateStateDto: {
            /**
             * @description Sets the status of its tasks: backlog and unstarted are pending, started is in_progress, completed and canceled are completed
             * @enum {string}
             */
            category: "backlog" | "unstarted" | "started" | "completed" | "canceled";
            /**
             * @default #8b949e
             * @example #d29922
             */
            color?: string;
            /**
             * @description Unique in the project, ignoring case
             * @example In review
             */
            name: string;
            /** @description Its place among the states, from 0; at the end when omitted */
            position?: number;
        };
        CreateTaskAnywhereDto: {
            /**
             * Format: uuid
             * @description Must be a member of the project
             */
            assigneeId?: string | null;
            /** @description Same as status "completed" */
            completed?: boolean;
            description?: string | null;
            /** @example 2026-12-31 */
            dueDate?: string | null;
            /**
             * @description Values of the project's custom fields by field id, each of its field's type (text, number, date as YYYY-MM-DD, true/false, an option id, an array of option ids, a member id, a URL); null clears one. A PATCH changes the fields it names; a PUT or a create sets exactly these
             * @example {
             *       "0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10": 3
             *     }
             */
            fields?: {
                [key: string]: unknown;
            };
            /**
             * @description owner/name or https://github.com/owner/name; null unlinks
             * @example octocat/Hello-World
             */
            githubRepo?: string | null;
            /** @description Labels of the task's project; the task has exactly these */
            labelIds?: string[];
            /**
             * Format: uuid
             * @description A task of the same project to nest under (at most 5 levels); null makes it top-level
             */
            parentId?: string | null;
            /**
             * @description Higher is more important
             * @default 0
             */
            priority?: number;
            /**
             * Format: uuid
             * @description Omit for your Inbox on create; on update, moves the task (rights needed in both projects)
             */
            projectId?: string;
            /** @description Needs a dueDate; null stops it */
            recurrence?: components["schemas"]["RecurrenceDto"] | null;
            reminders?: components["schemas"]["ReminderDto"][];
            /**
             * Format: uuid
             * @description One of the project's workflow states; sets status from its category
             */
            stateId?: string;
            /** @enum {string} */
            status?: "pending" | "in_progress" | "completed";
            /**
             * @description Where the task's dates are; the creator's by default
             * @example Europe/Berlin
             */
            timezone?: string;
            /** @example Write the launch post */
            title: string;
        };
        CreateTaskDto: {
            /**
             * Format: uuid
             * @description Must be a member of the project
             */
            assigneeId?: string | null;
            /** @description Same as status "completed" */
            completed?: boolean;
            description?: string | null;
            /** @example 2026-12-31 */
            dueDate?: string | null;
            /**
             * @description Values of the project's custom fields by field id, each of its field's type (text, number, date as YYYY-MM-DD, true/false, an option id, an array of option ids, a member id, a URL); null clears one. A PATCH changes the fields it names; a PUT or a create sets exactly these
             * @example {
             *       "0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10": 3
             *     }
             */
            fields?: {
                [key: string]: unknown;
            };
            /**
             * @description owner/name or https://github.com/owner/name; null unlinks
             * @example octocat/Hello-World
             */
            githubRepo?: string | null;
            /** @description Labels of the task's project; the task has exactly these */
            labelIds?: string[];
            /**
             * Format: uuid
             * @description A task of the same project to nest under (at most 5 levels); null makes it top-level
             */
            parentId?: string | null;
            /**
             * @description Higher is more important
             * @default 0
             */
            priority?: number;
            /** @description Needs a dueDate; null stops it */
            recurrence?: components["schemas"]["RecurrenceDto"] | null;
            reminders?: components["schemas"]["ReminderDto"][];
            /**
             * Format: uuid
             * @description One of the project's workflow states; sets status from its category
             */
            stateId?: string;
            /** @enum {string} */
            status?: "pending" | "in_progress" | "completed";
            /**
             * @description Where the task's dates are; the creator's by default
             * @example Europe/Berlin
             */
            timezone?: string;
            /** @example Write the launch post */
            title: string;
        };
        CreateViewDto: {
            /** @enum {string} */
            layout: "board" | "list";
            /** @example My open bugs */
            name: string;
            /**
             * @description A query string of the project's task list (any of its filters and sort, and limit); checked as that route checks it
             * @example assigneeId=me&completed=false&sort=dueDate
             */
            query: string;
            /**
             * @description Shared with the project's members (members and up may share); otherwise yours alone
             * @default false
             */
            shared?: boolean;
        };
        CreateWebhookDto: {
            /**
             * @description Setting true again re-enables a disabled webhook
             * @default true
             */
            active?: boolean;
            description?: string | null;
            /**
             * @example [
             *       "task.created",
             *       "task.updated"
             *     ]
             */
            events: ("*" | "project.created" | "project.updated" | "project.deleted" | "member.added" | "member.updated" | "member.removed" | "label.created" | "label.updated" | "label.deleted" | "state.created" | "state.updated" | "state.deleted" | "field.created" | "field.updated" | "field.deleted" | "task.created" | "task.updated" | "task.moved" | "task.assigned" | "task.unassigned" | "task.deleted" | "task.restored" | "task.shared" | "task.unshared" | "task.recurred" | "task.reminder" | "task.unblocked" | "relation.created" | "relation.deleted" | "comment.created" | "comment.updated" | "comment.deleted" | "attachment.added" | "attachment.removed")[];
            /** @description Generated when not given; shown once */
            secret?: string;
            /**
             * @description https, public address (plain http and private addresses only for WEBHOOK_ALLOW_HOSTS)
             * @example https://example.com/hooks/taskforge
             */
            url: string;
        };
        DeliveryDto: {
            /**
             * Format: uuid
             * @description The activity record's id: the body's id, for deduplication
             */
            activityId: string;
            attempts: number;
            createdAt: string;
            durationMs: number | null;
            error: string | null;
            event: string;
            /**
             * Format: uuid
             * @description X-Taskforge-Delivery
             */
            id: string;
            lastAttemptAt: string | null;
            nextAttemptAt: string | null;
            /** Format: uuid */
            redeliveryOf: string | null;
            responseStatus: number | null;
            seq: number;
            /**
             * @description pending includes waiting for a retry
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /** Format: uuid */
            webhookId: string;
        };
        DeliveryPageDto: {
            items: components["schemas"]["DeliveryDto"][];
            nextCursor: string | null;
        };
        DirectoryPageDto: {
            items: components["schemas"]["DirectoryUserDto"][];
            /** @description Pass as cursor for the next page */
            nextCursor: string | null;
        };
        DirectoryUserDto: {
            displayName: string | null;
            /** Format: uuid */
            id: string;
            username: string | null;
        };
        EnableTwoFactorDto: {
            /**
             * @description The first code the authenticator app shows for the new secret
             * @example 123456
             */
            code: string;
        };
        ExportedAttachment: {
            contentType: string;
            createdAt: string;
            /** Format: uuid */
            createdById: string;
            filename: string;
            /** Format: uuid */
            id: string;
            sha256: string;
            size: number;
        };
        ExportedComment: {
            /** Format: uuid */
            authorId: string;
            body: string;
            createdAt: string;
            editedAt: string | null;
            /** Format: uuid */
            id: string;
        };
        ExportedLabel: {
            color: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        ExportedMember: {
            displayName: string | null;
            /** @enum {string} */
            role: "owner" | "admin" | "member" | "viewer";
            /** Format: uuid */
            userId: string;
            username: string;
        };
        ExportedProject: {
            createdAt: string;
            description: string | null;
            /** Format: uuid */
            id: string;
            name: string;
        };
        ExportedRelation: {
            /** @enum {string} */
            kind: "blocks" | "relates_to" | "duplicates";
            /**
             * Format: uuid
             * @description The other task, of the same project
             */
            taskId: string;
        };
        ExportedTask: {
            /** Format: uuid */
            assigneeId: string | null;
            attachmentCount: number;
            /** @description Metadata only; the bytes stay here */
            attachments: components["schemas"]["ExportedAttachment"][];
            /** @description An open task blocks it */
            blocked: boolean;
            /** @description Comments on the task, deleted ones not counted */
            commentCount: number;
            /** @description Its live comments, oldest first */
            comments: components["schemas"]["ExportedComment"][];
            completed: boolean;
            completedAt: string | null;
            createdAt: string;
            /** Format: uuid */
            createdById: string;
            /** @description Set for a task in the trash */
            deletedAt: string | null;
            description: string | null;
            /** @example 2026-12-31 */
            dueDate: string | null;
            /**
             * @description Its values of the project's custom fields, by field id; a field without a value is absent
             * @example {
             *       "0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10": 3
             *     }
             */
            fields: {
                [key: string]: unknown;
            };
            /** @description The linked GitHub repository */
            githubRepo: components["schemas"]["GithubRepoDto"] | null;
            /** Format: uuid */
            id: string;
            /** @description By name */
            labels: components["schemas"]["TaskLabelDto"][];
            /**
             * @description The next five dates after dueDate, for a recurring task; empty otherwise
             * @example [
             *       "2027-01-29",
             *       "2027-02-26"
             *     ]
             */
            nextOccurrences: string[];
            /** Format: uuid */
            parentId: string | null;
            /**
             * @description Its place in the project's manual order: opaque, compare as bytes (sort=position lists by it)
             * @example a0V
             */
            position: string;
            priority: number;
            /** Format: uuid */
            projectId: string;
            recurrence: components["schemas"]["RecurrenceDto"] | null;
            /** @description Relations from this task to another task of the project */
            relations: components["schemas"]["ExportedRelation"][];
            reminders: components["schemas"]["ReminderAnswerDto"][];
            /**
             * Format: uuid
             * @description The project's workflow state it is in
             */
            stateId: string;
            /**
             * @description Follows the state's category
             * @enum {string}
             */
            status: "pending" | "in_progress" | "completed";
            /** @description Its live direct subtasks */
            subtaskCounts: components["schemas"]["SubtaskCountsDto"];
            /** @example Europe/Berlin */
            timezone: string;
            title: string;
            updatedAt: string;
            version: number;
        };
        FieldDto: {
            /** Format: uuid */
            id: string;
            name: string;
            /** @description select and multi_select: its choices, in order */
            options: components["schemas"]["FieldOptionDto"][];
            /** @description Its place among the fields, from 0 */
            position: number;
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            type: "text" | "number" | "date" | "checkbox" | "select" | "multi_select" | "user" | "url";
            version: number;
        };
        FieldErrorDto: {
            /** @example title */
            field: string;
            /** @example title must be shorter than or equal to 500 characters */
            message: string;
        };
        FieldListDto: {
            /** @description In order */
            items: components["schemas"]["FieldDto"][];
        };
        FieldOptionDto: {
            /** @example #d73a4a */
            color: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        FieldOptionInput: {
            /**
             * @default #8b949e
             * @example #d73a4a
             */
            color?: string;
            /**
             * Format: uuid
             * @description An option the field has: kept (renamed or recoloured)
             */
            id?: string;
            /**
             * @description Unique in the field, ignoring case
             * @example High
             */
            name: string;
        };
        GithubRepoDto: {
            description: string | null;
            /** @description When GitHub last answered for it */
            fetchedAt: string | null;
            /**
             * @description GitHub's spelling once it has answered
             * @example octocat/Hello-World
             */
            fullName: string;
            /** @example https://github.com/octocat/Hello-World */
            htmlUrl: string | null;
            stars: number | null;
            /**
             * @description pending: GitHub was slow, down or rate-limiting and the service is retrying (data, if any, is older); error: GitHub no longer has the repository
             * @enum {string}
             */
            status: "ok" | "pending" | "error";
        };
        ImportAcceptedDto: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "done" | "failed";
        };
        ImportDto: {
            /**
             * @example {
             *       "tasks": 120,
             *       "comments": 40,
             *       "labels": 6,
             *       "states": 4,
             *       "fields": 0,
             *       "relations": 3,
             *       "trashed": 2
             *     }
             */
            counts: {
                [key: string]: number;
            };
            createdAt: string;
            filename: string;
            finishedAt: string | null;
            /** Format: uuid */
            id: string;
            /** @description Every item skipped or changed, and why */
            problems: components["schemas"]["ImportProblemDto"][];
            /**
             * @description While it runs: what it is doing and how far it is
             * @example {
             *       "stage": "writing",
             *       "tasks": 2000,
             *       "of": 5000
             *     }
             */
            progress: {
                [key: string]: unknown;
            };
            /**
             * Format: uuid
             * @description The new project, once done
             */
            projectId?: string | null;
            /** @description Bytes */
            size: number;
            /** @enum {string} */
            source: "taskforge" | "trello" | "todoist" | "csv";
            /**
             * @description queued, running, then done (the project exists, whole) or failed (nothing was made)
             * @enum {string}
             */
            status: "queued" | "running" | "done" | "failed";
        };
        ImportProblemDto: {
            /**
             * @description Where in the file
             * @example row 12
             */
            item: string;
            /** @example due date "soon" is not a date (YYYY-MM-DD): left out */
            message: string;
        };
        LabelDto: {
            /** @example #d73a4a */
            color: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            projectId: string;
            version: number;
        };
        LabelListDto: {
            /** @description By name */
            items: components["schemas"]["LabelDto"][];
        };
        LoginDto: {
            /**
             * @description Either email or username
             * @example ada@example.com
             */
            email?: string;
            password: string;
            /** @example ada */
            username?: string;
        };
        MarkReadDto: {
            /**
             * @description Marks every notification read
             * @enum {boolean}
             */
            all?: true;
            /** @description Up to 200; or `all` */
            ids?: string[];
        };
        MeDto: {
            createdAt: string;
            /** @description Present in admin listings only */
            disabled?: boolean;
            /** @example Ada Lovelace */
            displayName: string | null;
            /** @example ada@example.com */
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "admin" | "user";
            /** @example Europe/London */
            timezone: string;
            /** @description Whether sign-in asks for a second factor */
            twoFactor: boolean;
            updatedAt: string;
            /** @example ada */
            username: string | null;
        };
        MemberDto: {
            displayName: string | null;
            joinedAt: string;
            /** @enum {string} */
            role: "owner" | "admin" | "member" | "viewer";
            /** Format: uuid */
            userId: string;
            username: string | null;
        };
        MemberPageDto: {
            items: components["schemas"]["MemberDto"][];
            nextCursor: string | null;
        };
        MoveTaskDto: {
            /**
             * Format: uuid
             * @description Place the task immediately after this task
             */
            after?: string;
            /**
             * Format: uuid
             * @description Place the task immediately before this task
             */
            before?: string;
            /**
             * Format: uuid
             * @description Move it to this project as well (at the end, unless before/after name tasks there)
             */
            projectId?: string;
            /**
             * Format: uuid
             * @description One of the project's workflow states; sets status from its category
             */
            stateId?: string;
            /** @enum {string} */
            status?: "pending" | "in_progress" | "completed";
            /** @description Apply only at this version (like If-Match); 412 otherwise */
            version?: number;
        };
        NotificationDto: {
            /**
             * Format: uuid
             * @description The activity record that caused it
             */
            activityId: string;
            /** Format: uuid */
            actorId: string | null;
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "mentioned" | "assigned" | "shared" | "unblocked" | "reminder" | "commented";
            /** Format: uuid */
            projectId: string;
            readAt: string | null;
            /** Format: uuid */
            taskId: string;
        };
        NotificationPageDto: {
            items: components["schemas"]["NotificationDto"][];
            nextCursor: string | null;
        };
        NotificationSettingsDto: {
            assigned: boolean;
            commented: boolean;
            mentioned: boolean;
            reminder: boolean;
            shared: boolean;
            unblocked: boolean;
        };
        OidcExchangeDto: {
            /** @description The code the callback put in the fragment of the page it led to; 60 s, once */
            code: string;
        };
        OidcProviderDto: {
            /**
             * @description Open it (add ?returnTo=/path) to sign in
             * @example /api/v1/auth/oidc/login
             */
            loginUrl: string;
            /**
             * @description For "Sign in with …"
             * @example id.example.com
             */
            name: string;
        };
        ProblemDto: {
            /** @example Task not found */
            detail: string;
            /** @description Each failing field, on a 400 or 422 */
            errors?: components["schemas"]["FieldErrorDto"][];
            /** @example /api/v1/tasks/6a1f0c1e-0000-4000-8000-000000000000 */
            instance: string;
            /** @description Quote it when reporting a problem: the logs carry it */
            requestId: string;
            /** @example 404 */
            status: number;
            /** @example Not Found */
            title: string;
            /** @example about:blank */
            type: string;
        };
        ProjectDto: {
            createdAt: string;
            description: string | null;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            ownerId: string;
            /**
             * @description The caller's role
             * @enum {string}
             */
            role: "owner" | "admin" | "member" | "viewer";
            updatedAt: string;
            /** @example 1 */
            version: number;
        };
        ProjectExportDto: {
            exportedAt: string;
            fields: components["schemas"]["FieldDto"][];
            /** @enum {string} */
            format: "taskforge.project.v1";
            labels: components["schemas"]["ExportedLabel"][];
            members: components["schemas"]["ExportedMember"][];
            project: components["schemas"]["ExportedProject"];
            states: components["schemas"]["StateDto"][];
            /** @description Every task, live and trashed, in id order; subtasks name their parent, the manual order is position */
            tasks: components["schemas"]["ExportedTask"][];
        };
        ProjectPageDto: {
            items: components["schemas"]["ProjectDto"][];
            nextCursor: string | null;
        };
        ProvidersDto: {
            oidc: components["schemas"]["OidcProviderDto"] | null;
            /** @description Whether local passwords are accepted */
            password: boolean;
        };
        RecoveryCodesDto: {
            /** @description Ten codes, each good once; shown only now */
            recoveryCodes: string[];
        };
        RecurrenceDto: {
            /**
             * @default due
             * @enum {string}
             */
            from?: "due" | "completion";
            /**
             * @description RFC 5545 RRULE: FREQ (DAILY, WEEKLY, MONTHLY, YEARLY), INTERVAL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, COUNT, UNTIL
             * @example FREQ=MONTHLY;BYDAY=-1FR
             */
            rule: string;
        };
        RefreshTokenDto: {
            /** @example tfr_… */
            refreshToken: string;
        };
        RegisterDto: {
            /**
             * @description null: none
             * @example Ada Lovelace
             */
            displayName?: string | null;
            /** @example ada@example.com */
            email: string;
            /** @example correct horse battery staple */
            password: string;
            /**
             * @description null: none (sign in by email)
             * @example ada
             */
            username?: string | null;
        };
        RelatedTaskDto: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @enum {string} */
            status: "pending" | "in_progress" | "completed";
            title: string;
        };
        RelationDto: {
            /** Format: uuid */
            id: string;
            task: components["schemas"]["RelatedTaskDto"];
            /** @enum {string} */
            type: "blocks" | "blocked_by" | "relates_to" | "duplicates" | "duplicated_by";
        };
        RelationListDto: {
            items: components["schemas"]["RelationDto"][];
        };
        ReminderAnswerDto: {
            /**
             * @description An instant, with its offset
             * @example 2026-12-24T09:00:00+01:00
             */
            at?: string;
            /**
             * @description ISO 8601 duration before the due date (at `time`)
             * @example P1D
             */
            before?: string;
            /** @description When it falls for the current due date (null: a relative reminder without a due date) */
            remindAt: string | null;
            /**
             * @description Wall time on the due date to count back from; 09:00
             * @example 09:00
             */
            time?: string;
        };
        ReminderDto: {
            /**
             * @description An instant, with its offset
             * @example 2026-12-24T09:00:00+01:00
             */
            at?: string;
            /**
             * @description ISO 8601 duration before the due date (at `time`)
             * @example P1D
             */
            before?: string;
            /**
             * @description Wall time on the due date to count back from; 09:00
             * @example 09:00
             */
            time?: string;
        };
        ReplaceProjectDto: {
            /** @example Everything for the new site */
            description?: string | null;
            /** @example Website relaunch */
            name: string;
            /** @description Apply only at this version (like If-Match); 412 otherwise */
            version?: number;
        };
        ReplaceTaskDto: {
            /**
             * Format: uuid
             * @description Must be a member of the project
             */
            assigneeId?: string | null;
            /** @description Same as status "completed" */
            completed?: boolean;
            description?: string | null;
            /** @example 2026-12-31 */
            dueDate?: string | null;
            /**
             * @description Values of the project's custom fields by field id, each of its field's type (text, number, date as YYYY-MM-DD, true/false, an option id, an array of option ids, a member id, a URL); null clears one. A PATCH changes the fields it names; a PUT or a create sets exactly these
             * @example {
             *       "0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10": 3
             *     }
             */
            fields?: {
                [key: string]: unknown;
            };
            /**
             * @description owner/name or https://github.com/owner/name; null unlinks
             * @example octocat/Hello-World
             */
            githubRepo?: string | null;
            /** @description Labels of the task's project; the task has exactly these */
            labelIds?: string[];
            /**
             * Format: uuid
             * @description A task of the same project to nest under (at most 5 levels); null makes it top-level
             */
            parentId?: string | null;
            /**
             * @description Higher is more important
             * @default 0
             */
            priority?: number;
            /**
             * Format: uuid
             * @description Omit for your Inbox on create; on update, moves the task (rights needed in both projects)
             */
            projectId?: string;
            /** @description Needs a dueDate; null stops it */
            recurrence?: components["schemas"]["RecurrenceDto"] | null;
            reminders?: components["schemas"]["ReminderDto"][];
            /**
             * Format: uuid
             * @description One of the project's workflow states; sets status from its category
             */
            stateId?: string;
            /** @enum {string} */
            status?: "pending" | "in_progress" | "completed";
            /**
             * @description Where the task's dates are; the creator's by default
             * @example Europe/Berlin
             */
            timezone?: string;
            /** @example Write the launch post */
            title: string;
            /** @description Apply only at this version (like If-Match); 412 otherwise */
            version?: number;
        };
        SecondFactorAnswerDto: {
            /**
             * @description The 6-digit code the authenticator app shows
             * @example 123456
             */
            code?: string;
            /**
             * @description One of the recovery codes, each good once
             * @example 3f9a2-07c1d-9be40-5a6f1
             */
            recoveryCode?: string;
        };
        SecondFactorLoginDto: {
            /**
             * @description The 6-digit code the authenticator app shows
             * @example 123456
             */
            code?: string;
            /** @description From the mfa-required answer of POST /auth/login; 5 minutes, 5 answers */
            mfaToken: string;
            /**
             * @description One of the recovery codes, each good once
             * @example 3f9a2-07c1d-9be40-5a6f1
             */
            recoveryCode?: string;
        };
        SessionDto: {
            address: string | null;
            createdAt: string;
            /** @description The session of the access token that asked */
            current: boolean;
            /** Format: uuid */
            id: string;
            /** @description Within a minute */
            lastUsedAt: string;
            /**
             * @description How it signed in
             * @enum {string}
             */
            method: "password" | "two_factor" | "recovery_code" | "oidc";
            userAgent: string | null;
        };
        ShareDto: {
            createdAt: string;
            displayName: string | null;
            /** @enum {string} */
            permission: "view" | "edit";
            /** Format: uuid */
            userId: string;
            username: string | null;
        };
        ShareListDto: {
            items: components["schemas"]["ShareDto"][];
            nextCursor: string | null;
        };
        ShareTaskDto: {
            /** @example grace@example.com */
            email?: string;
            /** @enum {string} */
            permission: "view" | "edit";
            /**
             * Format: uuid
             * @description Either userId or email
             */
            userId?: string;
        };
        SignInDto: {
            address: string | null;
            at: string;
            /** @example 42 */
            id: string;
            /** @enum {string} */
            method: "password" | "two_factor" | "recovery_code" | "oidc";
            /** @example wrong password */
            reason: string | null;
            succeeded: boolean;
            userAgent: string | null;
        };
        SignInPageDto: {
            items: components["schemas"]["SignInDto"][];
            /** @description Pass as cursor for the next page */
            nextCursor: string | null;
        };
        StateDto: {
            /** @enum {string} */
            category: "backlog" | "unstarted" | "started" | "completed" | "canceled";
            /** @example #d29922 */
            color: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** @description Its place among the states, from 0 */
            position: number;
            /** Format: uuid */
            projectId: string;
            version: number;
        };
        StateListDto: {
            /** @description In the board order */
            items: components["schemas"]["StateDto"][];
        };
        SubtaskCountsDto: {
            completed: number;
            total: number;
        };
        TaskDto: {
            /** Format: uuid */
            assigneeId: string | null;
            attachmentCount: number;
            /** @description An open task blocks it */
            blocked: boolean;
            /** @description Comments on the task, deleted ones not counted */
            commentCount: number;
            completed: boolean;
            completedAt: string | null;
            createdAt: string;
            /** Format: uuid */
            createdById: string;
            description: string | null;
            /** @example 2026-12-31 */
            dueDate: string | null;
            /**
             * @description Its values of the project's custom fields, by field id; a field without a value is absent
             * @example {
             *       "0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10": 3
             *     }
             */
            fields: {
                [key: string]: unknown;
            };
            /** @description The linked GitHub repository */
            githubRepo: components["schemas"]["GithubRepoDto"] | null;
            /** Format: uuid */
            id: string;
            /** @description By name */
            labels: components["schemas"]["TaskLabelDto"][];
            /**
             * @description The next five dates after dueDate, for a recurring task; empty otherwise
             * @example [
             *       "2027-01-29",
             *       "2027-02-26"
             *     ]
             */
            nextOccurrences: string[];
            /** Format: uuid */
            parentId: string | null;
            /**
             * @description Its place in the project's manual order: opaque, compare as bytes (sort=position lists by it)
             * @example a0V
             */
            position: string;
            priority: number;
            /** Format: uuid */
            projectId: string;
            recurrence: components["schemas"]["RecurrenceDto"] | null;
            reminders: components["schemas"]["ReminderAnswerDto"][];
            /**
             * Format: uuid
             * @description The project's workflow state it is in
             */
            stateId: string;
            /**
             * @description Follows the state's category
             * @enum {string}
             */
            status: "pending" | "in_progress" | "completed";
            /** @description Its live direct subtasks */
            subtaskCounts: components["schemas"]["SubtaskCountsDto"];
            /** @example Europe/Berlin */
            timezone: string;
            title: string;
            updatedAt: string;
            version: number;
        };
        TaskLabelDto: {
            /** @example #d73a4a */
            color: string;
            /** Format: uuid */
            id: string;
            name: string;
        };
        TaskPageDto: {
            items: components["schemas"]["TaskDto"][];
            nextCursor: string | null;
        };
        TokenPairDto: {
            /** @description JWT, valid expiresIn seconds */
            accessToken: string;
            /** @example 900 */
            expiresIn: number;
            /** @description Opaque; works once, then the next one comes back */
            refreshToken: string;
            /** @enum {string} */
            tokenType: "Bearer";
        };
        TransferProjectDto: {
            /**
             * Format: uuid
             * @description A current member; the old owner becomes admin
             */
            userId: string;
        };
        TwoFactorSetupDto: {
            /**
             * @description For a QR code
             * @example otpauth://totp/Taskforge:ada?secret=…&issuer=Taskforge
             */
            otpauthUrl: string;
            /**
             * @description Base32; shown for typing in by hand
             * @example JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP
             */
            secret: string;
        };
        UnreadCountDto: {
            count: number;
        };
        UpdateCommentDto: {
            /** @description Plain text with Markdown, stored as sent and never rendered; `@username` mentions a reader */
            body: string;
            /** @description Applies only at this version (like If-Match) */
            version?: number;
        };
        UpdateFieldDto: {
            /**
             * @description Unique in the project, ignoring case
             * @example Estimate
             */
            name?: string;
            /** @description select and multi_select only: its choices, in order. On update, the whole list: an option left out is removed, and taken off every task that had it (each change in that task's history) */
            options?: components["schemas"]["FieldOptionInput"][];
            /** @description Its place among the fields, from 0; at the end when omitted */
            position?: number;
        };
        UpdateLabelDto: {
            /** @example #d73a4a */
            color?: string;
            /**
             * @description Unique in the project, ignoring case
             * @example bug
             */
            name?: string;
        };
        UpdateMemberDto: {
            /** @enum {string} */
            role: "admin" | "member" | "viewer";
        };
        UpdateNotificationSettingsDto: {
            assigned?: boolean;
            commented?: boolean;
            mentioned?: boolean;
            reminder?: boolean;
            shared?: boolean;
            unblocked?: boolean;
        };
        UpdateProfileDto: {
            /** @description Required to change email */
            currentPassword?: string;
            /**
             * @description null: none
             * @example Ada Lovelace
             */
            displayName?: string | null;
            /** @example ada@example.com */
            email?: string;
            /** @example Europe/Paris */
            timezone?: string;
            /**
             * @description null: none (sign in by email)
             * @example ada
             */
            username?: string | null;
        };
        UpdateProjectDto: {
            /** @example Everything for the new site */
            description?: string | null;
            /** @example Website relaunch */
            name?: string;
            /** @description Apply only at this version (like If-Match); 412 otherwise */
            version?: number;
        };
        UpdateStateDto: {
            /**
             * @description Sets the status of its tasks: backlog and unstarted are pending, started is in_progress, completed and canceled are completed
             * @enum {string}
             */
            category?: "backlog" | "unstarted" | "started" | "completed" | "canceled";
            /**
             * @default #8b949e
             * @example #d29922
             */
            color?: string;
            /**
             * @description Unique in the project, ignoring case
             * @example In review
             */
            name?: string;
            /** @description Its place among the states, from 0; at the end when omitted */
            position?: number;
        };
        UpdateTaskDto: {
            /** @description Labels to add, keeping the others */
            addLabelIds?: string[];
            /**
             * Format: uuid
             * @description Must be a member of the project
             */
            assigneeId?: string | null;
            /** @description Same as status "completed" */
            completed?: boolean;
            description?: string | null;
            /** @example 2026-12-31 */
            dueDate?: string | null;
            /**
             * @description Values of the project's custom fields by field id, each of its field's type (text, number, date as YYYY-MM-DD, true/false, an option id, an array of option ids, a member id, a URL); null clears one. A PATCH changes the fields it names; a PUT or a create sets exactly these
             * @example {
             *       "0b5f3a5e-2f7c-4a4e-9d55-2b7f7d6a1c10": 3
             *     }
             */
            fields?: {
                [key: string]: unknown;
            };
            /**
             * @description owner/name or https://github.com/owner/name; null unlinks
             * @example octocat/Hello-World
             */
            githubRepo?: string | null;
            /** @description Labels of the task's project; the task has exactly these */
            labelIds?: string[];
            /**
             * Format: uuid
             * @description A task of the same project to nest under (at most 5 levels); null makes it top-level
             */
            parentId?: string | null;
            /**
             * @description Higher is more important
             * @default 0
             */
            priority?: number;
            /**
             * Format: uuid
             * @description Omit for your Inbox on create; on update, moves the task (rights needed in both projects)
             */
            projectId?: string;
            /** @description Needs a dueDate; null stops it */
            recurrence?: components["schemas"]["RecurrenceDto"] | null;
            reminders?: components["schemas"]["ReminderDto"][];
            /** @description Labels to take off */
            removeLabelIds?: string[];
            /**
             * Format: uuid
             * @description One of the project's workflow states; sets status from its category
             */
            stateId?: string;
            /** @enum {string} */
            status?: "pending" | "in_progress" | "completed";
            /**
             * @description Where the task's dates are; the creator's by default
             * @example Europe/Berlin
             */
            timezone?: string;
            /** @example Write the launch post */
            title?: string;
            /** @description Apply only at this version (like If-Match); 412 otherwise */
            version?: number;
        };
        UpdateViewDto: {
            /** @enum {string} */
            layout?: "board" | "list";
            /** @example My open bugs */
            name?: string;
            /**
             * @description A query string of the project's task list (any of its filters and sort, and limit); checked as that route checks it
             * @example assigneeId=me&completed=false&sort=dueDate
             */
            query?: string;
            /**
             * @description Shared with the project's members (members and up may share); otherwise yours alone
             * @default false
             */
            shared?: boolean;
        };
        UpdateWebhookDto: {
            /**
             * @description Setting true again re-enables a disabled webhook
             * @default true
             */
            active?: boolean;
            description?: string | null;
            /**
             * @example [
             *       "task.created",
             *       "task.updated"
             *     ]
             */
            events?: ("*" | "project.created" | "project.updated" | "project.deleted" | "member.added" | "member.updated" | "member.removed" | "label.created" | "label.updated" | "label.deleted" | "state.created" | "state.updated" | "state.deleted" | "field.created" | "field.updated" | "field.deleted" | "task.created" | "task.updated" | "task.moved" | "task.assigned" | "task.unassigned" | "task.deleted" | "task.restored" | "task.shared" | "task.unshared" | "task.recurred" | "task.reminder" | "task.unblocked" | "relation.created" | "relation.deleted" | "comment.created" | "comment.updated" | "comment.deleted" | "attachment.added" | "attachment.removed")[];
            /** @description Generated when not given; shown once */
            secret?: string;
            /**
             * @description https, public address (plain http and private addresses only for WEBHOOK_ALLOW_HOSTS)
             * @example https://example.com/hooks/taskforge
             */
            url?: string;
        };
        UserDto: {
            createdAt: string;
            /** @description Present in admin listings only */
            disabled?: boolean;
            /** @example Ada Lovelace */
            displayName: string | null;
            /** @example ada@example.com */
            email: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            role: "admin" | "user";
            /** @example Europe/London */
            timezone: string;
            updatedAt: string;
            /** @example ada */
            username: string | null;
        };
        UserPageDto: {
            items: components["schemas"]["UserDto"][];
            /** @description Pass as cursor for the next page */
            nextCursor: string | null;
        };
        ViewDto: {
            createdAt: string;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            layout: "board" | "list";
            name: string;
            /**
             * Format: uuid
             * @description Who made it
             */
            ownerId: string;
            /** Format: uuid */
            projectId: string;
            query: string;
            shared: boolean;
            updatedAt: string;
            version: number;
        };
        ViewListDto: {
            /** @description Shared views and yours, by name */
            items: components["schemas"]["ViewDto"][];
        };
        WebhookDto: {
            active: boolean;
            createdAt: string;
            description: string | null;
            disabledAt: string | null;
            /** @description Why the service disabled it */
            disabledReason: string | null;
            events: ("*" | "project.created" | "project.updated" | "project.deleted" | "member.added" | "member.updated" | "member.removed" | "label.created" | "label.updated" | "label.deleted" | "state.created" | "state.updated" | "state.deleted" | "field.created" | "field.updated" | "field.deleted" | "task.created" | "task.updated" | "task.moved" | "task.assigned" | "task.unassigned" | "task.deleted" | "task.restored" | "task.shared" | "task.unshared" | "task.recurred" | "task.reminder" | "task.unblocked" | "relation.created" | "relation.deleted" | "comment.created" | "comment.updated" | "comment.deleted" | "attachment.added" | "attachment.removed")[];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            updatedAt: string;
            url: string;
        };
        WebhookListDto: {
            items: components["schemas"]["WebhookDto"][];
            nextCursor: string | null;
        };
        WebhookWithSecretDto: {
            active: boolean;
            createdAt: string;
            description: string | null;
            disabledAt: string | null;
            /** @description Why the service disabled it */
            disabledReason: string | null;
            events: ("*" | "project.created" | "project.updated" | "project.deleted" | "member.added" | "member.updated" | "member.removed" | "label.created" | "label.updated" | "label.deleted" | "state.created" | "state.updated" | "state.deleted" | "field.created" | "field.updated" | "field.deleted" | "task.created" | "task.updated" | "task.moved" | "task.assigned" | "task.unassigned" | "task.deleted" | "task.restored" | "task.shared" | "task.unshared" | "task.recurred" | "task.reminder" | "task.unblocked" | "relation.created" | "relation.deleted" | "comment.created" | "comment.updated" | "comment.deleted" | "attachment.added" | "attachment.removed")[];
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            projectId: string;
            /** @description Signs every delivery; shown only now */
            secret: string;
            updatedAt: string;
            url: string;
        };
        WriteCommentDto: {
            /** @description Plain text with Markdown, stored as sent and never rendered; `@username` mentions a reader */
            body: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    AdminUsersController_list: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `admin`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AdminUsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AdminUpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `admin`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Would leave no active admin */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TwoFactorController_reset: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's second factor is off; they sign in with their password alone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `admin`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AdminSessionsController_endAll: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every session of the user ends (their API keys stay theirs to revoke) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `admin`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AdminSessionsController_signIns: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `admin`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such user */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AttachmentsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such attachment, or the caller may not see its task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AttachmentsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Only the uploader, owners and admins remove an attachment
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such attachment, or the caller may not see its task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    AttachmentsController_content: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag this client holds; 304 if current */
                "If-None-Match"?: string;
                /** @description The ETag the range is of; else the whole file */
                "If-Range"?: string;
                /** @description One byte range (`bytes=0-99`, `bytes=-100`) */
                Range?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, as an attachment; ETag is its quoted sha256 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The one range asked for */
            206: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description If-None-Match names the current ETag; no body */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such attachment, or the caller may not see its task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The range is past the end */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TwoFactorController_disable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorAnswerDto"];
            };
        };
        responses: {
            /** @description Two-factor sign-in is off; its secret and recovery codes are gone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Two-factor sign-in is not on */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The code or recovery code is wrong or used */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many wrong codes for this account or address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TwoFactorController_enable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnableTwoFactorDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecoveryCodesDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Not set up, or already on */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The code does not match the new secret */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many wrong codes for this account or address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TwoFactorController_setup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new secret, not in force until enabled with a code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TwoFactorSetupDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Two-factor sign-in is already on */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiKeysController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyListDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiKeysController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response, secret included, for 24 hours, to the same caller with the same key only */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            /** @description `key` is shown this once (and in its idempotent replay to the same caller with the same key) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedApiKeyDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A request with the same Idempotency-Key is still in progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ApiKeysController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked; the key is refused from now on */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such key of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponseDto"];
                };
            };
            /** @description Wrong credentials (the same answer whatever was wrong); or, with a second factor on, a problem whose type ends in mfa-required and which carries mfaToken for POST /auth/login/2fa */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Passwords are turned off (PASSWORD_LOGIN=false) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many failed logins for this account or address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_loginWithSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SecondFactorLoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponseDto"];
                };
            };
            /** @description Wrong or used code; or the mfaToken expired, was used or took 5 answers */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many wrong codes for this account or address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshTokenDto"];
            };
        };
        responses: {
            /** @description The login of this refresh token is over */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcController_callback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To returnTo with #code=… in the fragment, for POST /auth/oidc/exchange (which also says why a refused one was) */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Single sign-on is not configured here */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The provider cannot be reached */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcController_exchange: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OidcExchangeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponseDto"];
                };
            };
            /** @description Unknown, expired or used code; or the provider’s answer failed its checks */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The provider did not verify the email, or unknown people may not register */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    OidcController_login: {
        parameters: {
            query?: {
                /** @description A path of this site to land on afterwards (anything else becomes /) */
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the provider's sign-in page */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Single sign-on is not configured here */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The provider cannot be reached */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_providers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description How people may sign in here */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProvidersDto"];
                };
            };
            /** @description Past the rate limit */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshTokenDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPairDto"];
                };
            };
            /** @description Unknown, expired or reused token; reuse revokes the whole login */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_register: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthResponseDto"];
                };
            };
            /** @description Passwords are turned off (PASSWORD_LOGIN=false) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Email or username already taken (case-insensitive) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Invalid or unknown fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many registrations from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Live sessions, most recently used first (100 at most) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionDto"][];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session's refresh token is refused at once, its access tokens within a second */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such live session of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SessionsController_signIns: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Your sign-ins and failed attempts, newest first (90 days) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarController_feed: {
        parameters: {
            query?: {
                scope?: "assigned" | "all";
            };
            header?: {
                /** @description An ETag this client holds; 304 if current */
                "If-None-Match"?: string;
            };
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 5545 calendar of all-day events */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/calendar": string;
                };
            };
            /** @description If-None-Match names the current ETag; no body */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The token opens no feed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Too many unknown tokens from this address */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ActivityController_changes: {
        parameters: {
            query?: {
                limit?: number;
                /** @description The last seq the client has seen; 0 (or absent) reads from the very first record. Once records older than the retention have been pruned, a since before the kept range (0 included) is answered 410 with resumeSince: list the resources, then resume from there. */
                since?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the caller may see now, oldest first after `since`; deleted tasks as task.deleted records */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChangesDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Records after `since` were pruned: list again, then resume from `resumeSince` in the problem */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CommentsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag this client holds; 304 if current */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentDto"];
                };
            };
            /** @description If-None-Match names the current ETag; no body */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such comment (or it was deleted), or the caller may not see its task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CommentsController_remove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version` */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; the thread lists it as a tombstone */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Only the author, or the project’s owners and admins
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such comment (or it was deleted), or the caller may not see its task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match (or version) is not the current version; nothing changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CommentsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version` */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateCommentDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Only the author edits a comment
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such comment (or it was deleted), or the caller may not see its task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match (or version) is not the current version; nothing changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ImportsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": components["schemas"]["CreateImportBody"];
            };
        };
        responses: {
            /** @description Queued; Location names the job, which makes a new project of yours when done */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportAcceptedDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The file is over IMPORT_MAX_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such import of yours */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
                /** @description Only those not yet marked read */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first; only about tasks you can still read */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_markRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkReadDto"];
            };
        };
        responses: {
            /** @description Marked read; ids that are not yours are passed over */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationsController_unreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCountDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectsController_list: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
                /** @description Case-insensitive text in the name */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Projects the caller belongs to, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project, or the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProjectDto"];
            };
        };
        responses: {
            /** @description The caller is the owner; Location names the project */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project, or the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A request with the same Idempotency-Key is still in progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Invalid or unknown fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag this client holds; 304 if current */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDto"];
                };
            };
            /** @description If-None-Match names the current ETag; no body */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project, or the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectsController_replace: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version` */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceProjectDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project, or the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match (or version) is not the current version; nothing changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectsController_remove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version` */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project, its members and tasks are gone (owner only) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project, or the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match (or version) is not the current version; nothing changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version` */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProjectDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project, or the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match (or version) is not the current version; nothing changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ActivityController_forProject: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project's history, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project, or the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectsController_transfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferProjectDto"];
            };
        };
        responses: {
            /** @description The new owner holds the project; the old owner is now admin */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project, or the caller is not a member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The new owner is not a member */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ExportsController_export: {
        parameters: {
            query?: {
                /** @description json: the whole project as taskforge.project.v1; csv: one row per task, for spreadsheets */
                format?: "json" | "csv";
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Streamed as an attachment; ?format=csv gives one row per task instead */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectExportDto"];
                    "text/csv": components["schemas"]["ProjectExportDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Owners and admins export a project
             *
             *     Needs scope `projects:read`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FieldsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldListDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or field, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FieldsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateFieldDto"];
            };
        };
        responses: {
            /** @description Location names the field */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Owners and admins define a project's fields; others read them
             *
             *     Needs scope `projects:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or field, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The project has a field of that name (ignoring case) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FieldsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fieldId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its values taken off every task, each change in that task's history */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Owners and admins define a project's fields; others read them
             *
             *     Needs scope `projects:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or field, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    FieldsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                fieldId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFieldDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FieldDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Owners and admins define a project's fields; others read them
             *
             *     Needs scope `projects:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or field, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The project has another field of that name (ignoring case) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LabelsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelListDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or label, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LabelsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLabelDto"];
            };
        };
        responses: {
            /** @description Location names the label */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Viewers read labels only
             *
             *     Needs scope `projects:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or label, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The project has a label of that name (ignoring case) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LabelsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                labelId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or label, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LabelsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                labelId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed from every task, each change in that task's history */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Viewers read labels only
             *
             *     Needs scope `projects:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or label, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    LabelsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                labelId: string;
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateLabelDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LabelDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Viewers read labels only
             *
             *     Needs scope `projects:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or label, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The project has a label of that name (ignoring case) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MembersController_list: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), or no such member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MembersController_add: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddMemberDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `members:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), or no such member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Already a member */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No active user with that id or email */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MembersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed, or left when userId is the caller */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `members:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), or no such member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The owner cannot leave without transferring */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    MembersController_changeRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateMemberDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `members:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), or no such member */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StatesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateListDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `projects:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or state, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StatesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateStateDto"];
            };
        };
        responses: {
            /** @description Location names the state */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Owners and admins shape the workflow; others read it
             *
             *     Needs scope `projects:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or state, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The project has a state of that name (ignoring case) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StatesController_remove: {
        parameters: {
            query?: {
                /** @description Where its tasks go: a state of the same project with the same status; needed when it holds tasks */
                moveTo?: string;
            };
            header?: never;
            path: {
                projectId: string;
                stateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Its tasks moved to moveTo, each change in that task's history */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Owners and admins shape the workflow; others read it
             *
             *     Needs scope `projects:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or state, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description It holds tasks and no moveTo was given, or it is the last of its status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    StatesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                stateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateStateDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Owners and admins shape the workflow; others read it
             *
             *     Needs scope `projects:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or state, or the caller may not see the project */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A name taken, a category that would change the status of tasks the state holds, or the last state of a status */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectTasksController_list: {
        parameters: {
            query?: {
                /** @description A user id, me, or none */
                assigneeId?: string;
                /** @description Only tasks an open task blocks (true), or none blocks (false) */
                blocked?: boolean;
                completed?: boolean;
                /** @description The previous page's nextCursor */
                cursor?: string;
                /** @description The trash (owners and admins) */
                deleted?: boolean;
                /** @description In the caller's timezone */
                due?: "overdue" | "today" | "future" | "none";
                dueFrom?: string;
                dueTo?: string;
                /** @description Label ids, comma-separated (tasks with any of them), or none */
                label?: string;
                limit?: number;
                /** @description Subtasks of this task, or none for top-level tasks */
                parentId?: string;
                /** @description Case-insensitive text in title or description */
                q?: string;
                /** @description Full text over title (weighted higher), description and comments: stemmed English words, every one must match, the last as a prefix; operators and punctuation are plain text. Sorts by relevance unless sort is given */
                search?: string;
                /** @description - for descending; ties break by id; field.<fieldId> sorts by a custom field (text, number, date, checkbox, select in option order, url), tasks without a value last. Default: relevance with search, else -priority. Filter by a custom field with field.<fieldId>=<value> (comma-separated option or member ids for select, multi_select and user; true or false for checkbox) and, for number and date fields, field.<fieldId>.gte and field.<fieldId>.lte; at most 10, all of them must match */
                sort?: "priority" | "-priority" | "dueDate" | "-dueDate" | "status" | "-status" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt" | "title" | "-title" | "position" | "-position" | "relevance" | "field.<fieldId>" | "-field.<fieldId>";
                /** @description Workflow state ids, comma-separated (tasks in any of them) */
                stateId?: string;
                /** @description Comma list */
                status?: string[];
                updatedSince?: string;
            };
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Filtered, sorted, keyset-paged; deleted=true lists the trash */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task or project, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectTasksController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours */
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task or project, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A request with the same Idempotency-Key is still in progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Invalid fields, or an assignee who is not a member */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectTasksController_createMany: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours */
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkCreateDto"];
            };
        };
        responses: {
            /** @description Every item created, in order after the tasks of the project, each with status 201 */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkAnswerDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task or project, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A request with the same Idempotency-Key is still in progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Nothing created: the errors name each invalid field as items.<index>.<field> */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectViewsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewListDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or view, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ProjectViewsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateViewDto"];
            };
        };
        responses: {
            /** @description Location names the view */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Viewers keep views of their own; sharing one takes a member
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project or view, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The query is not one the task list takes (query.<parameter>) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every webhook of the project (at most 20), oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookListDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `webhooks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), webhook or delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response, secret included, for 24 hours, to the same caller with the same key only */
                "Idempotency-Key"?: string;
            };
            path: {
                projectId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookDto"];
            };
        };
        responses: {
            /** @description The secret is shown only in this answer (and its idempotent replay to the same caller) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookWithSecretDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `webhooks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), webhook or delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A request with the same Idempotency-Key is still in progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Invalid fields, or a URL the SSRF guard refuses */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `webhooks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), webhook or delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted, with its delivery log; nothing more is sent */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `webhooks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), webhook or delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                projectId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateWebhookDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `webhooks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), webhook or delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Invalid fields, or a URL the SSRF guard refuses */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
                status?: "pending" | "succeeded" | "failed";
            };
            header?: never;
            path: {
                projectId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The delivery log, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `webhooks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), webhook or delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    WebhooksController_redeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                projectId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new delivery of the same body, queued now */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `webhooks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such project (or the caller is not a member), webhook or delivery */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The webhook is disabled */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                /** @description A user id, me, or none */
                assigneeId?: string;
                /** @description Only tasks an open task blocks (true), or none blocks (false) */
                blocked?: boolean;
                completed?: boolean;
                /** @description The previous page's nextCursor */
                cursor?: string;
                /** @description In the caller's timezone */
                due?: "overdue" | "today" | "future" | "none";
                dueFrom?: string;
                dueTo?: string;
                /** @description Label ids, comma-separated (tasks with any of them), or none */
                label?: string;
                limit?: number;
                /** @description Subtasks of this task, or none for top-level tasks */
                parentId?: string;
                projectId?: string;
                /** @description Case-insensitive text in title or description */
                q?: string;
                /** @description Full text over title (weighted higher), description and comments: stemmed English words, every one must match, the last as a prefix; operators and punctuation are plain text. Sorts by relevance unless sort is given */
                search?: string;
                /** @description - for descending; ties break by id; field.<fieldId> sorts by a custom field (text, number, date, checkbox, select in option order, url), tasks without a value last. Default: relevance with search, else -priority. Filter by a custom field with field.<fieldId>=<value> (comma-separated option or member ids for select, multi_select and user; true or false for checkbox) and, for number and date fields, field.<fieldId>.gte and field.<fieldId>.lte; at most 10, all of them must match */
                sort?: "priority" | "-priority" | "dueDate" | "-dueDate" | "status" | "-status" | "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt" | "title" | "-title" | "position" | "-position" | "relevance" | "field.<fieldId>" | "-field.<fieldId>";
                /** @description Workflow state ids, comma-separated (tasks in any of them) */
                stateId?: string;
                /** @description Comma list */
                status?: string[];
                updatedSince?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every task you can see: your projects and tasks shared with you */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTaskAnywhereDto"];
            };
        };
        responses: {
            /** @description Without projectId the task goes to your Inbox */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A request with the same Idempotency-Key is still in progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description An ETag this client holds; 304 if current */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description If-None-Match names the current ETag; no body */
            304: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_replace: {
        parameters: {
            query?: {
                /** @description Complete the task even though open tasks block it (recorded in its history) */
                force?: boolean;
            };
            header?: {
                /** @description Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version` */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Completing a task open tasks block (problem lists `blockers`) without force */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match (or version) is not the current version; nothing changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body breaks a field rule; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_remove: {
        parameters: {
            query?: never;
            header?: {
                /** @description Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version` */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Moved to the trash; restore brings it back */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match (or version) is not the current version; nothing changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_update: {
        parameters: {
            query?: {
                /** @description Complete the task even though open tasks block it (recorded in its history) */
                force?: boolean;
            };
            header?: {
                /** @description Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version` */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateTaskDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Completing a task open tasks block (problem lists `blockers`) without force */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match (or version) is not the current version; nothing changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body breaks a field rule; `errors` names each field */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ActivityController_forTask: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The task's history, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivityPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_refreshGithub: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description GitHub was asked again now; githubRepo.status "pending" means it did not answer and a retry is due */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The task links no GitHub repository */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_move: {
        parameters: {
            query?: {
                /** @description Complete the task even though open tasks block it (recorded in its history) */
                force?: boolean;
            };
            header?: {
                /** @description Apply only at this version: the ETag a read gave (`"3"`), or `*`; same as a body `version` */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MoveTaskDto"];
            };
        };
        responses: {
            /** @description Placed between its new neighbours (and in the status or project sent), recorded as task.moved */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Completing a task open tasks block (problem lists `blockers`) without force */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description If-Match (or version) is not the current version; nothing changed */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description A neighbour that is not a live task of the target project, is the task itself, is in another column than the status sent, or is on the wrong side of the other neighbour
             *
             *     The body breaks a field rule; `errors` names each field
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RelationsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Relations to tasks the caller can read, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelationListDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task or relation, or the caller may not see the task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RelationsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRelationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RelationDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description The caller may read the task but not edit it
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task or relation, or the caller may not see the task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The two tasks are already related */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The other task is unreadable, the task itself, or blocks would loop */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    RelationsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                relationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description The caller may read the task but not edit it
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task or relation, or the caller may not see the task */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_restore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Back from the trash (owners and admins) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SharesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareListDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task (or the caller may not see it), or no such share */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SharesController_share: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShareTaskDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ShareDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task (or the caller may not see it), or no such share */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Already shared with that user */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    SharesController_unshare: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user no longer sees the task through this share */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task (or the caller may not see it), or no such share */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TaskAttachmentsController_list: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TaskAttachmentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description One file, in a part named `file`
                     */
                    file: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description The caller may read the task but not write it
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Over ATTACHMENT_MAX_BYTES, or over the project quota; nothing kept */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The body is not multipart/form-data */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TaskCommentsController_list: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TaskCommentsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Replays the first response for 24 hours */
                "Idempotency-Key"?: string;
            };
            path: {
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WriteCommentDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description The caller may read the task but not write it
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description A request with the same Idempotency-Key is still in progress */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_updateMany: {
        parameters: {
            query?: {
                /** @description Complete the task even though open tasks block it (recorded in its history) */
                force?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkUpdateDto"];
            };
        };
        responses: {
            /** @description One result per id, in order, with the status its own PATCH would have answered (200 with the task, 403, 404, 409, 412, 422 with the problem); when atomic, nothing is written unless all are 200, and the items that would have passed answer 424 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkAnswerDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The request itself is invalid (ids missing, repeated or over 200, no set, a bad field in set) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    TasksController_removeMany: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BulkDeleteDto"];
            };
        };
        responses: {
            /** @description One result per id, in order: 204 when sent to the trash (with its subtasks), else the status its own DELETE would have answered; atomic as for /tasks/bulk */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BulkAnswerDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such task, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The ids are missing, repeated or over 200 */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_directory: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
                /** @description Start of a username or display name, case-insensitive */
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DirectoryPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateProfileDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Invalid fields, or an email change without currentPassword */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarFeedController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A new secret feed URL; any earlier one stops working */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarFeedDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    CalendarFeedController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The feed URL stops working at once */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description There is no feed */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationSettingsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    NotificationSettingsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateNotificationSettingsDto"];
            };
        };
        responses: {
            /** @description Kinds not sent keep their setting */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettingsDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    UsersController_changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordDto"];
            };
        };
        responses: {
            /** @description Changed; every other login of the user is revoked */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `profile:write`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ViewsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such view, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ViewsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Only its author, or the project's owners and admins, change a shared view
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such view, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ViewsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateViewDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ViewDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /**
             * @description Only its author, or the project's owners and admins, change a shared view
             *
             *     Needs scope `tasks:write`, or a role that allows the action.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such view, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    ViewsController_tasks: {
        parameters: {
            query?: {
                /** @description The previous page's nextCursor */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the project's task list answers for the view's query */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPageDto"];
                };
            };
            /** @description No, bad, expired or revoked credentials. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description Needs scope `tasks:read`, or a role that allows the action. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description No such view, or the caller may not see it */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            /** @description The query names a state or label the project no longer has */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
    HealthController_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The process is up. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The database answers; the instance can take traffic. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The database is unreachable. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}
