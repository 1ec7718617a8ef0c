import {
  REGISTER_COLUMNS,
  registerColumnLabel,
  registerValueText,
  type AgencyDto,
  type EnterpriseDto,
  type ItemDto,
  type OfficerDto,
  type RegisterKind,
  type TableCell,
} from '@mashang/shared';

export type RegisterEntry = AgencyDto | OfficerDto | ItemDto | EnterpriseDto;

/**
 * A register as a sheet people read: Chinese headers, agencies by name, flags and grades in words,
 * phones as the API gives them (masked).
 */
export function registerTable(register: RegisterKind, entries: readonly RegisterEntry[], agencyNames: ReadonlyMap<string, string>): { header: string[]; rows: TableCell[][] } {
  const columns = REGISTER_COLUMNS[register];
  return {
    header: columns.map((field) => registerColumnLabel(register, field)),
    rows: entries.map((entry) =>
      columns.map((field) => {
        const value = (entry as unknown as Record<string, unknown>)[field];
        return field === 'id' || field === 'creditCode' || field === 'name' ? String(value) : registerValueText(field, value, agencyNames);
      }),
    ),
  };
}
