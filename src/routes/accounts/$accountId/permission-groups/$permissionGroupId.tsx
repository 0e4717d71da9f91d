import { createFileRoute } from '@tanstack/react-router';
import { permissionGroupQuery } from '@/api/permission-groups/queries';
import { allUserGroupsQuery } from '@/api/user-groups/queries';
import { PermissionGroupPanel, PermissionGroupPanelError } from '@/features/permission-groups/components/permission-group-panel';

export const Route = createFileRoute('/accounts/$accountId/permission-groups/$permissionGroupId')({
  loader: ({ context, params }) => {
    // "Used by" may take several pages of user groups: start it, but don't hold the panel for it.
    void context.queryClient.prefetchQuery(allUserGroupsQuery(context.accountId));
    return context.queryClient.ensureQueryData(permissionGroupQuery(context.accountId, params.permissionGroupId));
  },
  component: function PermissionGroupRoute() {
    return <PermissionGroupPanel permissionGroupId={Route.useParams().permissionGroupId} />;
  },
  errorComponent: function PermissionGroupError({ error }) {
    return <PermissionGroupPanelError error={error} />;
  },
});
