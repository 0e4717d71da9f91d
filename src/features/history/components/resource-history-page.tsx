import type { ReactNode } from 'react';
import { PageHeader } from '@/components/layout/page-header';
import { ResourceHistory } from './resource-history';

interface ResourceHistoryPageProps {
  /** The breadcrumb back to the resource (a router Link made by the route). */
  back: ReactNode;
  title: string;
  resourceType: 'resource_group' | 'sso_connector' | 'oauth_client';
  resourceId: string;
  noun: string;
}

/** The History tab of a resource whose page has no tab strip (SSO connector, OAuth client, resource group). */
export function ResourceHistoryPage({ back, title, resourceType, resourceId, noun }: ResourceHistoryPageProps) {
  return (
    <div className="page">
      <p className="breadcrumbs">{back} /</p>
      <PageHeader title={title} />
      <ResourceHistory resourceType={resourceType} resourceId={resourceId} noun={noun} />
    </div>
  );
}
