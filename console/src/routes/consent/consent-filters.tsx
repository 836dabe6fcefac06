import type { Component } from 'solid-js';
import { DayRange, FilterBar, FilterChoice } from '../../components/filter-bar';
import { startOfDay } from '../../lib/format';
import { CONSENT_ACTIONS, CONSENT_SOURCES, SUBJECT_TYPES, type ConsentFilter } from './consent-audit.data';

function readFilter(form: HTMLFormElement): ConsentFilter {
  const data = new FormData(form);
  const value = (name: string): string | undefined => String(data.get(name) ?? '').trim() || undefined;
  const from = value('from');
  const to = value('to');
  return {
    action: value('action') as ConsentFilter['action'],
    source: value('source') as ConsentFilter['source'],
    subjectType: value('subjectType') as ConsentFilter['subjectType'],
    phone: value('phone'),
    from: from ? startOfDay(from) : undefined,
    to: to ? startOfDay(to, 1) : undefined,
  };
}

/** K5 filters; applied on submit so typing a phone number does not fire a request per key. */
export const ConsentFilters: Component<{ onApply: (filter: ConsentFilter) => void }> = (props) => (
  <FilterBar role="form" label="Filter consent records" onApply={(form) => props.onApply(readFilter(form))} onClear={() => props.onApply({})}>
    <FilterChoice id="consent-action" label="Action" name="action" options={CONSENT_ACTIONS} />
    <FilterChoice id="consent-source" label="Source" name="source" options={CONSENT_SOURCES} />
    <FilterChoice id="consent-subject" label="Subject type" name="subjectType" options={SUBJECT_TYPES} />
    <div class="field">
      <label for="consent-phone">Phone</label>
      <input id="consent-phone" name="phone" type="tel" autocomplete="off" />
    </div>
    <DayRange idPrefix="consent" />
    <button type="submit" class="primary">
      Apply filters
    </button>
    <button type="reset">Clear</button>
  </FilterBar>
);
