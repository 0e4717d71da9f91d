import { Link } from '@tanstack/react-router';
import { PageHeader } from '@/components/layout/page-header';
import { useAccountId } from '@/stores/current-account';
import { DomainStep } from './domain-step';
import { WizardStepper } from './wizard-stepper';

/** /sso/new: the wizard before a connector exists; after creating, the wizard continues at /setup. */
export function NewConnectorPage() {
  const accountId = useAccountId();
  return (
    <div className="page sso-wizard">
      <p className="breadcrumbs">
        <Link to="/accounts/$accountId/sso" params={{ accountId }}>SSO</Link> /
      </p>
      <PageHeader
        title="Connect an email domain"
        description="Prove you control the domain, then require SSO for its people. You can leave at any step and continue later."
      />
      <WizardStepper step="domain" />
      <DomainStep accountId={accountId} />
    </div>
  );
}
