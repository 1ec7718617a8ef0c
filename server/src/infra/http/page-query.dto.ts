import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Rows per page at most. */
export const PAGE_SIZE_MAX = 100;
/**
 * The last page any list serves: OFFSET stays below ten million rows, an integer the database takes
 * (an unbounded page made `OFFSET 2e+21`). Deeper than this, a search narrows the list instead.
 */
export const PAGE_MAX = 100_000;

/** `page` and `pageSize` of every paged list. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', default: 1, minimum: 1, maximum: PAGE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_MAX)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', default: 20, minimum: 1, maximum: PAGE_SIZE_MAX })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_SIZE_MAX)
  pageSize = 20;
}
