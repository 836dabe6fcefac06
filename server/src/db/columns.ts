import { Column, CreateDateColumn, PrimaryColumn, UpdateDateColumn, type ColumnOptions } from 'typeorm';

// Column shapes shared by every entity, chosen to mean the same on MySQL/MariaDB
// and SQLite (the embedded default).
export const IdColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const RefColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 36, ...options });
export const TimestampColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'datetime', precision: 3, ...options });
export const CodeColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 40, ...options });
export const PhoneColumn = (options: ColumnOptions = {}) =>
  Column({ type: 'varchar', length: 20, nullable: true, ...options });
// T1: an IANA zone name (the longest in the tz database is 32 characters).
export const TimeZoneColumn = (options: ColumnOptions = {}) => Column({ type: 'varchar', length: 64, ...options });
// Set by TypeORM on insert and update.
export const CreatedAtColumn = () => CreateDateColumn({ type: 'datetime', precision: 6 });
export const UpdatedAtColumn = () => UpdateDateColumn({ type: 'datetime', precision: 6 });
