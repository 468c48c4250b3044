import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiFoundResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
  ApiUnauthorizedResponse,
  ApiForbiddenResponse,
  ApiServiceUnavailableResponse,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Public } from '../auth/public.decorator';
import { ClientOrigin, CurrentClient } from '../common/client-origin';
import { API_PREFIX } from '../common/setup-app';
import { AuthResponseDto } from '../sessions/dto/auth-response.dto';
import { OidcExchangeDto, OidcLoginQuery } from './dto/oidc.dto';
import { OidcService } from './oidc.service';

/** Binds a sign-in to the browser that started it, so nobody can finish theirs in someone else's (login CSRF). */
const STATE_COOKIE = 'tf_oidc_state';
const STATE_COOKIE_PATH = `/${API_PREFIX}/auth/oidc`;

@ApiTags('auth')
@Controller('auth/oidc')
export class OidcController {
  constructor(private readonly oidc: OidcService) {}

  @Get('login')
  @Public()
  @ApiFoundResponse({ description: "To the provider's sign-in page" })
  @ApiNotFoundResponse({ description: 'Single sign-on is not configured here' })
  @ApiServiceUnavailableResponse({ description: 'The provider cannot be reached' })
  async login(@Query() query: OidcLoginQuery, @Req() req: Request, @Res() res: Response): Promise<void> {
    const { location, state } = await this.oidc.start(query.returnTo);
    res.cookie(STATE_COOKIE, state, {
      httpOnly: true,
      // Lax: the provider's redirect back is a top-level navigation from another site, which Lax lets through.
      sameSite: 'lax',
      secure: req.secure || this.oidc.secureCookies,
      path: STATE_COOKIE_PATH,
      maxAge: 600_000,
    });
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, location);
  }

  @Get('callback')
  @Public()
  @ApiFoundResponse({
    description:
      'To returnTo with #code=… in the fragment, for POST /auth/oidc/exchange (which also says why a refused one was)',
  })
  @ApiNotFoundResponse({ description: 'Single sign-on is not configured here' })
  @ApiServiceUnavailableResponse({ description: 'The provider cannot be reached' })
  async callback(
    @Req() req: Request,
    @Res() res: Response,
    @CurrentClient() client: ClientOrigin,
  ): Promise<void> {
    const queryAt = req.originalUrl.indexOf('?');
    const query = queryAt === -1 ? '' : req.originalUrl.slice(queryAt);
    // The state cookie stays until the exchange, which it binds to this browser.
    const location = await this.oidc.finish(query, cookieOf(req, STATE_COOKIE), client);
    res.setHeader('Cache-Control', 'no-store');
    // The page at returnTo must not hand its address (with the fragment's code) to anyone: browsers never send
    // fragments, and this keeps even the path to ourselves.
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.redirect(302, location);
  }

  @Post('exchange')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: AuthResponseDto })
  @ApiUnauthorizedResponse({
    description: 'Unknown, expired or used code; or the provider’s answer failed its checks',
  })
  @ApiForbiddenResponse({
    description: 'The provider did not verify the email, or unknown people may not register',
  })
  exchange(
    @Body() dto: OidcExchangeDto,
    @CurrentClient() client: ClientOrigin,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponseDto> {
    res.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
    return this.oidc.exchange(dto.code, cookieOf(req, STATE_COOKIE), client);
  }
}

function cookieOf(req: Request, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
