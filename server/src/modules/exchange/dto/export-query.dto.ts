import { ApiPropertyOptional } from '@nestjs/swagger';
import { UNMASKED_PURPOSE_MAX_LENGTH, UNMASKED_PURPOSE_MIN_HAN } from '@mashang/shared';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, MaxLength } from 'class-validator';

/** An export file: phones masked unless asked for in clear with a stated purpose. */
export class ExchangeExportQueryDto {
  @ApiPropertyOptional({ description: 'phones in full instead of masked (supervisors only, with a purpose); recorded in the audit log' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value))
  @IsBoolean()
  unmasked?: boolean;

  @ApiPropertyOptional({ description: `用途: why the data is taken, in Chinese (at least ${UNMASKED_PURPOSE_MIN_HAN} Han characters); required with unmasked, recorded in the audit log` })
  @IsOptional()
  @IsString()
  @MaxLength(UNMASKED_PURPOSE_MAX_LENGTH)
  purpose?: string;
}
