import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { IsCreditCode } from '../../infra/http/is-credit-code.js';
import { CurrentEnterprise, EnterpriseOnly, type SignedInEnterprise } from '../auth/index.js';
import { ComplianceBooklet } from './compliance-booklet.js';

export class BookletParamDto {
  @ApiProperty({ example: '91350100M000100Y43' }) @IsCreditCode() creditCode: string;
}

const PDF = { description: '一企一册 (PDF, A4)', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } };

async function send(reply: FastifyReply, booklet: { fileName: string; stream: NodeJS.ReadableStream }): Promise<void> {
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="booklet.pdf"; filename*=UTF-8''${encodeURIComponent(booklet.fileName)}`)
    .header('cache-control', 'no-store')
    .send(booklet.stream);
}

/** 企业端: the signed-in enterprise's own compliance booklet (一企一册); it names no other enterprise. */
@ApiTags('enterprise')
@ApiBearerAuth()
@EnterpriseOnly()
@Controller('enterprise')
export class EnterpriseBookletController {
  constructor(@Inject(ComplianceBooklet) private readonly booklets: ComplianceBooklet) {}

  @Get('booklet')
  @ApiOkResponse(PDF)
  async booklet(@CurrentEnterprise() enterprise: SignedInEnterprise, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, await this.booklets.pdf(enterprise.creditCode));
  }
}

/** An enterprise's compliance booklet for officers and desks to print (every role reads the enterprise register). */
@ApiTags('booklets')
@ApiBearerAuth()
@Controller('booklets')
export class BookletController {
  constructor(@Inject(ComplianceBooklet) private readonly booklets: ComplianceBooklet) {}

  @Get(':creditCode')
  @ApiOkResponse(PDF)
  async booklet(@Param() params: BookletParamDto, @Res() reply: FastifyReply): Promise<void> {
    await send(reply, await this.booklets.pdf(params.creditCode));
  }
}
