# syntax=docker/dockerfile:1.7
# Build stage: compile TypeScript with the full toolchain. Node 24 is an LTS line in support (Node 20, which the
# project still runs on for development, reached its end of life in April 2026).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json .swcrc ormconfig.ts ./
COPY src ./src
COPY migrations ./migrations
COPY scripts ./scripts
COPY web ./web
RUN npm run build && npm prune --omit=dev

# Runtime stage: production dependencies and the build only, as an unprivileged user.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health/ready').then(r => process.exit(r.ok ? 0 : 1)).catch(() => process.exit(1))"
# The same command as `npm run start:prod`: a capped heap keeps memory flat under load (see the README).
CMD ["node", "--max-old-space-size=192", "dist/src/main.js"]
