import { Module } from '@nestjs/common';
import { WorkflowRepository } from './workflow.repository';

/** A project's workflow states as the writes of tasks and projects need them. */
@Module({ providers: [WorkflowRepository], exports: [WorkflowRepository] })
export class WorkflowModule {}
