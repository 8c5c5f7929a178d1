import * as migration_20261128_125808_initial from './20261128_125808_initial';
import * as migration_20261128_141020_acceptances from './20261128_141020_acceptances';
import * as migration_20261128_141541_ledger from './20261128_141541_ledger';
import * as migration_20261128_151458_notices_outbox from './20261128_151458_notices_outbox';
import * as migration_20261128_154941_auditor_evidence from './20261128_154941_auditor_evidence';
import * as migration_20261128_170000_notices_due_index from './20261128_170000_notices_due_index';
import * as migration_20261128_170034_notices_lease_index from './20261128_170034_notices_lease_index';
import * as migration_20261128_204813_banner_without_templates from './20261128_204813_banner_without_templates';
import * as migration_20261128_204833_banner_wording from './20261128_204833_banner_wording';
import * as migration_20261128_214012_webhooks from './20261128_214012_webhooks';
import * as migration_20261129_001247_editor_publishing from './20261129_001247_editor_publishing';
import * as migration_20261201_184715_webhook_answer_digest_and_url from './20261201_184715_webhook_answer_digest_and_url';
import * as migration_20261201_184756_webhook_history_outlives_endpoint from './20261201_184756_webhook_history_outlives_endpoint';
import * as migration_20261201_185125_password_reset_limits from './20261201_185125_password_reset_limits';
import * as migration_20261201_191448_frozen_rules_and_publications from './20261201_191448_frozen_rules_and_publications';
import * as migration_20261201_191500_bind_published_versions from './20261201_191500_bind_published_versions';
import * as migration_20261201_214220_acceptance_covers from './20261201_214220_acceptance_covers';
import * as migration_20261202_133815_ledger_subtrees_and_subjects from './20261202_133815_ledger_subtrees_and_subjects';
import * as migration_20261202_200753_localization from './20261202_200753_localization';
import * as migration_20261202_202114_banner_wording_locales from './20261202_202114_banner_wording_locales';
import * as migration_20261202_235900_ledger_entry_subjects from './20261202_235900_ledger_entry_subjects';
import * as migration_20261205_132317_subject_entries from './20261205_132317_subject_entries';
import * as migration_20261205_132400_bind_subjects from './20261205_132400_bind_subjects';

export const migrations = [
  {
    up: migration_20261128_125808_initial.up,
    down: migration_20261128_125808_initial.down,
    name: '20261128_125808_initial',
  },
  {
    up: migration_20261128_141020_acceptances.up,
    down: migration_20261128_141020_acceptances.down,
    name: '20261128_141020_acceptances',
  },
  {
    up: migration_20261128_141541_ledger.up,
    down: migration_20261128_141541_ledger.down,
    name: '20261128_141541_ledger',
  },
  {
    up: migration_20261128_151458_notices_outbox.up,
    down: migration_20261128_151458_notices_outbox.down,
    name: '20261128_151458_notices_outbox',
  },
  {
    up: migration_20261128_154941_auditor_evidence.up,
    down: migration_20261128_154941_auditor_evidence.down,
    name: '20261128_154941_auditor_evidence',
  },
  {
    up: migration_20261128_170000_notices_due_index.up,
    down: migration_20261128_170000_notices_due_index.down,
    name: '20261128_170000_notices_due_index',
  },
  {
    up: migration_20261128_170034_notices_lease_index.up,
    down: migration_20261128_170034_notices_lease_index.down,
    name: '20261128_170034_notices_lease_index',
  },
  {
    up: migration_20261128_204813_banner_without_templates.up,
    down: migration_20261128_204813_banner_without_templates.down,
    name: '20261128_204813_banner_without_templates',
  },
  {
    up: migration_20261128_204833_banner_wording.up,
    down: migration_20261128_204833_banner_wording.down,
    name: '20261128_204833_banner_wording',
  },
  {
    up: migration_20261128_214012_webhooks.up,
    down: migration_20261128_214012_webhooks.down,
    name: '20261128_214012_webhooks',
  },
  {
    up: migration_20261129_001247_editor_publishing.up,
    down: migration_20261129_001247_editor_publishing.down,
    name: '20261129_001247_editor_publishing',
  },
  {
    up: migration_20261201_184715_webhook_answer_digest_and_url.up,
    down: migration_20261201_184715_webhook_answer_digest_and_url.down,
    name: '20261201_184715_webhook_answer_digest_and_url',
  },
  {
    up: migration_20261201_184756_webhook_history_outlives_endpoint.up,
    down: migration_20261201_184756_webhook_history_outlives_endpoint.down,
    name: '20261201_184756_webhook_history_outlives_endpoint',
  },
  {
    up: migration_20261201_185125_password_reset_limits.up,
    down: migration_20261201_185125_password_reset_limits.down,
    name: '20261201_185125_password_reset_limits',
  },
  {
    up: migration_20261201_191448_frozen_rules_and_publications.up,
    down: migration_20261201_191448_frozen_rules_and_publications.down,
    name: '20261201_191448_frozen_rules_and_publications',
  },
  {
    up: migration_20261201_191500_bind_published_versions.up,
    down: migration_20261201_191500_bind_published_versions.down,
    name: '20261201_191500_bind_published_versions',
  },
  {
    up: migration_20261201_214220_acceptance_covers.up,
    down: migration_20261201_214220_acceptance_covers.down,
    name: '20261201_214220_acceptance_covers',
  },
  {
    up: migration_20261202_133815_ledger_subtrees_and_subjects.up,
    down: migration_20261202_133815_ledger_subtrees_and_subjects.down,
    name: '20261202_133815_ledger_subtrees_and_subjects',
  },
  {
    up: migration_20261202_200753_localization.up,
    down: migration_20261202_200753_localization.down,
    name: '20261202_200753_localization',
  },
  {
    up: migration_20261202_202114_banner_wording_locales.up,
    down: migration_20261202_202114_banner_wording_locales.down,
    name: '20261202_202114_banner_wording_locales',
  },
  {
    up: migration_20261202_235900_ledger_entry_subjects.up,
    down: migration_20261202_235900_ledger_entry_subjects.down,
    name: '20261202_235900_ledger_entry_subjects',
  },
  {
    up: migration_20261205_132317_subject_entries.up,
    down: migration_20261205_132317_subject_entries.down,
    name: '20261205_132317_subject_entries'
  },
  {
    up: migration_20261205_132400_bind_subjects.up,
    down: migration_20261205_132400_bind_subjects.down,
    name: '20261205_132400_bind_subjects',
  },
];
