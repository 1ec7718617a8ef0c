import { Body, Controller, Get, Inject, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Role } from '@mashang/shared';
import { Roles } from '../auth/index.js';
import { CreateScenarioDto, UpdateScenarioDto } from './dto/scenario.dto.js';
import { JointScenariosService } from './joint-scenarios.service.js';

@ApiTags('joint-supervision scenarios')
@ApiBearerAuth()
@Controller('joint-scenarios')
export class JointScenariosController {
  constructor(@Inject(JointScenariosService) private readonly scenarios: JointScenariosService) {}

  @Get()
  list() {
    return this.scenarios.list();
  }

  @Roles(Role.Supervisor)
  @Post()
  create(@Body() body: CreateScenarioDto) {
    return this.scenarios.create(body);
  }

  @Roles(Role.Supervisor)
  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateScenarioDto) {
    return this.scenarios.update(id, body);
  }
}
