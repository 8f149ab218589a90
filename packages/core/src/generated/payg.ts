/**
 * Generated from openapi/payg.yaml by scripts/generate.mjs (`pnpm generate`). Do not edit.
 * The test command fails when this file and the spec disagree.
 */

export interface paths {
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the user and token balances behind the API key
         * @description Returns the user behind the API key with its token and balance fields. On a PAYG account `apiPaidTokens` is the dollar balance as a decimal number (for example `12.4567`); `apiSubscriptionTokens` is the legacy plan's remaining API credits. Leonardo does not name the PAYG balance field, so when the billing extension is available `GET /billing/balance` is authoritative.
         */
        get: operations["getUserSelf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pricing-calculator": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Calculate the cost of a request before running it
         * @description Previews the cost of a request from the same settings the request would take: the service and its parameters under `serviceParams.<SERVICE>`. The answer is in dollars for PAYG accounts (in API credits for legacy plans). A custom-deal account gets its own discounted price, not the list price; use `POST /billing/pricing/quote` to see both side by side.
         */
        post: operations["pricingCalculator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/generations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a generation of images
         * @description Starts an image generation job. The cost is deducted from the balance when the request is accepted; the response carries the `cost` object (read it first) and the deprecated `apiCreditCost` (fall back to it only when `cost` is absent). It is priced as the calculator's `IMAGE_GENERATION` with the same settings and Leonardo's defaults (Leonardo Lightning XL, Alchemy on, 1024x768, 4 images). When the balance cannot cover the request it is refused with 402 `INSUFFICIENT_BALANCE`, nothing is deducted, and requests stay paused until credit is added. Leonardo's endpoint accepts more fields than listed here (elements, controlnets, init images...); they pass through unchanged.
         */
        post: operations["createGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/generations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a single generation
         * @description Returns a generation (of images, or a motion or video generation) with its status: `PENDING` while it runs, then `COMPLETE` with its images (a video's in `motionMP4URL`) or `FAILED` with none. A failed job's charge is refunded (the kit's assumption, see `REFUND`). `generations_by_pk` is `null` when no generation with that id is visible to the API key.
         */
        get: operations["getGenerationById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/variations/upscale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upscale a generated image
         * @description Starts an upscale variation of a generated image. Charged when accepted; the response carries the `cost` object and the deprecated `apiCreditCost`; poll `GET /variations/{id}`. Refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it. The calculator has no service for variations; the kit's mock charges Leonardo's published 15 credits, recorded under the `UNIVERSAL_UPSCALER` service.
         */
        post: operations["createVariationUpscale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/variations/nobg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Remove the background of an image
         * @description Starts a background-removal variation of a generated image (or of a variation when `isVariation` is true). Charged when accepted; the response carries the `cost` object and the deprecated `apiCreditCost`; poll `GET /variations/{id}`. The calculator has no service for variations; the kit's mock charges Leonardo's published 5 credits, recorded under the `IMAGE_GENERATION` service.
         */
        post: operations["createVariationNoBG"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/variations/unzoom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unzoom an image
         * @description Starts an unzoom variation of a generated image (or of a variation when `isVariation` is true). Charged when accepted; the response carries the `cost` object and the deprecated `apiCreditCost`; poll `GET /variations/{id}`. The calculator has no service for variations; the kit's mock charges Leonardo's published 15 credits, recorded under the `IMAGE_GENERATION` service.
         */
        post: operations["createVariationUnzoom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/variations/universal-upscaler": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upscale an image with the Universal Upscaler
         * @description Starts a Universal Upscaler job on a generated image, a variation or an init image. Without `ultraUpscaleStyle` it is priced as the calculator's `UNIVERSAL_UPSCALER` service with `megapixel` the output size (input pixels x `upscaleMultiplier` squared, in whole megapixels rounded up); with `ultraUpscaleStyle` as `UNIVERSAL_UPSCALER_ULTRA` with the input's width and height and the multiplier. Charged when accepted; poll `GET /variations/{id}`. Refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it.
         */
        post: operations["createUniversalUpscalerJob"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/variations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a variation job
         * @description Returns the variation job (upscale, remove background, unzoom or Universal Upscaler) with its status: `PENDING`, then `COMPLETE` or `FAILED`. The list is empty when no variation with that id is visible to the API key.
         */
        get: operations["getVariationById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/motion-variations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a motion variation job (a video upscale)
         * @description Returns the motion variation (a video upscale started with `POST /generations-video-upscale`) with its status. The list is empty when no motion variation with that id is visible to the API key.
         */
        get: operations["getMotionVariationById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/generations-motion-svd": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Animate an image (motion, SVD)
         * @description Starts a motion generation from a generated, variation or init image with Stable Video Diffusion, priced as the calculator's `MOTION_SVD_GENERATION` service (a fixed price; `motionStrength` does not change it). Charged when accepted; poll `GET /generations/{id}`.
         */
        post: operations["createSVDMotionGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/generations-text-to-video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a video from a prompt
         * @description Starts a text-to-video generation with `model` `MOTION2` (the default), `MOTION2FAST`, `VEO3`, `VEO3FAST`, `KLING2_1` or `KLING2_5`. `MOTION2` at 480p or 720p is priced as the calculator's `MOTION_VIDEO_GENERATION` with that resolution, and `VEO3` as `VEO3_MOTION_VIDEO_GENERATION` (the calculator takes no duration, so every Veo 3 clip costs what the calculator answers). The calculator has no service for the other models or for 1080p; for them the kit's mock charges its own documented prices (`MOTION2` at 1080p twice the 720p price, `MOTION2FAST` half the `MOTION2` price, `VEO3FAST` half the `VEO3` price, `KLING2_1` and `KLING2_5` 300 credits per 5 seconds), recorded under the `MOTION_VIDEO_GENERATION` or `VEO3_MOTION_VIDEO_GENERATION` service. Charged when accepted; poll `GET /generations/{id}`.
         */
        post: operations["createTextToVideoGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/generations-image-to-video": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a video from an image
         * @description Starts an image-to-video generation from a generated or uploaded image, with the same models and prices as `POST /generations-text-to-video`. Charged when accepted; poll `GET /generations/{id}`.
         */
        post: operations["createImageToVideoGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/generations-video-upscale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upscale a generated video
         * @description Starts an upscale of a video generation to 720p. The calculator has no service for it; the kit's mock charges 100 credits (its own price), recorded under the `MOTION_VIDEO_GENERATION` service. Charged when accepted; the response names the source `generationId` and the new `variationId`; poll `GET /motion-variations/{id}` with the `variationId`.
         */
        post: operations["createVideoUpscale"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/generations-lcm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a realtime (LCM) image
         * @description Generates an image from a canvas image and a prompt in real time, priced as the calculator's `LCM_GENERATION` service with the output `width` and `height`. The answer carries the image at once (no job to poll); it is charged when answered. Refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it.
         */
        post: operations["createLCMGeneration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lcm-instant-refine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refine a realtime (LCM) image instantly
         * @description Refines a realtime canvas image, priced as the calculator's `LCM_GENERATION` service with `instantRefine: true`. The answer carries the image at once (no job to poll); it is charged when answered. Refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it.
         */
        post: operations["performInstantRefine"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lcm-inpainting": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inpaint a realtime (LCM) image
         * @description Inpaints the masked part of a realtime canvas image, priced as the calculator's `LCM_GENERATION` service with the output `width` and `height`. The answer carries the image at once (no job to poll); it is charged when answered. Refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it.
         */
        post: operations["performInpaintingLCM"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/lcm-upscale": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upscale a realtime (LCM) image with Alchemy
         * @description Upscales a realtime canvas image with Alchemy, priced as the calculator's `LCM_GENERATION` service with `refine: true`. The answer carries the image at once (no job to poll); it is charged when answered. Refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it.
         */
        post: operations["performAlchemyUpscaleLCM"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prompt/improve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Improve a prompt
         * @description Rewrites a prompt (for an image, or a video with `isVideo`). The calculator has no service for prompt tools; Leonardo's SDK gives `apiCreditCost` a default of 4, and the kit's mock charges 4 credits (its assumption), recorded under the `IMAGE_GENERATION` service. Charged when answered; refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it.
         */
        post: operations["promptImprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/prompt/random": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a random prompt
         * @description Writes a random prompt. The calculator has no service for prompt tools; Leonardo's SDK gives `apiCreditCost` a default of 4, and the kit's mock charges 4 credits (its assumption), recorded under the `IMAGE_GENERATION` service. Charged when answered; refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it.
         */
        post: operations["promptRandom"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/elements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Train a custom element (LoRA)
         * @description Starts training an element on a dataset. Priced as the calculator's `MODEL_TRAINING` service with the element's `resolution` (1024 by default) and, for `sd_version` `FLUX_DEV` (the default), `sd_version: FLUX_DEV`; the mock does not model datasets, so the calculator's default `datasetImageCount` applies. The job's id is `userLoraId`. Charged when accepted; a training that fails is refunded (the kit's assumption, see `REFUND`). Refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it.
         */
        post: operations["createElement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Train a custom model
         * @description Starts training a custom model on a dataset, priced as the calculator's `MODEL_TRAINING` service with the model's `resolution` (512 by default). The job's id is `customModelId`. Charged when accepted; a training that fails is refunded (the kit's assumption, see `REFUND`). Refused with 402 `INSUFFICIENT_BALANCE` when the balance cannot cover it.
         */
        post: operations["createModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the balance and account state
         * @description The authoritative dollar balance of the account with its state: `OK`, `LOW` (below the low-balance threshold) or `PAUSED` (the balance cannot cover requests; they are refused until credit is added). The balance never expires. Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["getBalance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/top-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List top-ups
         * @description Manual and automatic top-ups, newest first, cursor-paginated. Pass the previous page's `nextCursor` as `cursor`; `nextCursor` is null on the last page. Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["listTopUps"];
        put?: never;
        /**
         * Add credit to the balance
         * @description Charges the saved payment method and adds a whole-dollar amount to the balance at once. A top-up is a payment: the `Idempotency-Key` header is required, and resubmitting the same key with the same body (a double click, a retry after a timeout) charges once and replays the first response with `Idempotent-Replayed: true`; the same key with a different body is a 409 `IDEMPOTENCY_CONFLICT`. A key that `GET /billing/top-ups/{idempotencyKey}` has answered 404 for is cancelled for good: a top-up sent with it afterwards (an original that was still in flight, or a retry) is refused with a 409 `IDEMPOTENCY_CONFLICT` whose `details` are `{ idempotencyKey, reason: CANCELLED_BY_LOOKUP }`, and nothing is charged; start a new top-up with a new key. The minimum and maximum per top-up are server policy (the mock's defaults are $5 and $10,000); an amount outside them is a 422. A declined payment is a 402 `PAYMENT_DECLINED` and no saved card is a 402 `NO_PAYMENT_METHOD`; in both cases the balance is unchanged. A card whose issuer asks the cardholder to authenticate (3-D Secure) is a 402 `PAYMENT_DECLINED` with `details.declineCode: authentication_required` and `details.clientSecret`, nothing charged yet: the account's browser confirms the payment with that secret (Stripe.js `handleNextAction`), then sends the same request with the same key. Once authenticated, that answers 201 and the top-up is credited once; until then it answers the same 402; once the authentication has failed, or a day has passed, it is a plain decline. A top-up that leaves the balance below an enabled auto top-up's threshold runs the auto top-up rule (see `GET /billing/auto-top-up`) in the same step. Extension endpoint, not part of Leonardo's public API.
         */
        post: operations["createTopUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/top-ups/{idempotencyKey}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Look up a top-up by its idempotency key
         * @description What became of the manual top-up sent with this `Idempotency-Key`, for when its answer was lost (a timeout or a dropped connection after the request may have been sent): the top-up (`SUCCEEDED` or `DECLINED`) and the balance as it is now, not as it was then. A 404 `NOT_FOUND` means no top-up was made with this key, and it is final: answering it cancels the key, so the original request, even if it is still in flight and arrives later, is refused (409 `IDEMPOTENCY_CONFLICT`, `details.reason` `CANCELLED_BY_LOOKUP`) and never charges. Nothing was charged and nothing will be under this key; to go on, start a new top-up with a new key. The cancellation is kept as long as the server keeps idempotency keys (24 hours on the kit's server), far longer than any request stays in flight. Its `details.idempotencyKey` echoes the key, which tells it apart from a 404 of a server or proxy that does not know this operation (then the outcome is still unknown). A 200 changes nothing. Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["getTopUpByIdempotencyKey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/auto-top-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the auto top-up settings
         * @description The auto top-up settings (threshold, amount, optional monthly cap), what was spent on automatic top-ups this month and the result of the last attempt. The rule: an enabled auto top-up is never left idle while the balance sits below its threshold. It runs after every charge, after a manual top-up, when it is saved enabled, and when a new calendar month (UTC) starts a fresh `monthlyCap`. While the balance is below `threshold`, the run adds `amount` as many times as it takes, k = ceil((threshold - balance) / amount), but no more whole multiples of `amount` than this month's cap still allows (nor more than the top-up policy's maximum for one payment), and charges them as ONE automatic top-up of k x amount: one card charge, one `AUTO_TOP_UP` ledger entry. So threshold $500 and amount $5 at a balance of $10.03 is one top-up of $490 (98 x $5), never 98 payments. When the cap allows no whole multiple, nothing is charged and `lastAttempt.status` is `CAP_REACHED`; a declined payment is one `DECLINED` attempt for the whole sum. Each run is one atomic step: requests that fall below the threshold together start one run, never two, and the cap is never exceeded. Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["getAutoTopUp"];
        /**
         * Update the auto top-up settings
         * @description Saves the threshold, amount and optional monthly cap, and turns auto top-up on or off. Enabling it while the balance is already below the threshold tops up at once, as the rule of `GET /billing/auto-top-up` says (one payment of k x amount): that top-up is returned as `triggeredTopUp` (a declined payment shows as a `DECLINED` top-up and in `autoTopUp.lastAttempt`; the settings are still saved and the balance is left as it was). Enabling it without a saved payment method is a 402 `NO_PAYMENT_METHOD`. Amounts are whole dollars and follow the top-up policy (mock defaults: $5 to $10,000); a `monthlyCap` below `amount` is a 422. A body without `monthlyCap` keeps the saved cap (the 422 applies to it too); only an explicit `null` removes it. Extension endpoint, not part of Leonardo's public API.
         */
        put: operations["updateAutoTopUp"];
        post?: never;
        /**
         * Turn auto top-up off
         * @description Turns auto top-up off (`disabledReason` becomes `USER`). The saved threshold and amount are kept so it can be turned back on. `triggeredTopUp` is always null. Extension endpoint, not part of Leonardo's public API.
         */
        delete: operations["disableAutoTopUp"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/transactions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List ledger transactions
         * @description The ledger: every change to the balance (top-ups, automatic top-ups, usage, migration credit, free credit, adjustments, refunds), newest first, cursor-paginated, each with the balance after it. Usage amounts are negative. A legacy plan's charges and refunds are entries in plan credits (`unit: CREDITS`). Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["listTransactions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get spend over time
         * @description Spend per day, week or month between two dates (inclusive, UTC), with a breakdown by service, for charts and planning. Without `from` the `days` days (default 30) ending `to` are returned, and `to` defaults to today by the server's clock, so a client asks for "the last 30 days" without reading its own clock. `granularity` sets the bucket: a UTC day, an ISO week (Monday to Sunday) or a calendar month; the first and last buckets are cut to the range. A range of any length up to ten years (3,660 days) is answered in one request, in at most 366 buckets: a longer range asks for weeks or months. `from` after `to`, `from` together with `days`, a range longer than 3,660 days or one needing more than 366 buckets is a 422. Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["getUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/payment-method": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the saved payment method
         * @description A summary of the saved card used for top-ups, or null when none is saved (top-ups then fail with 402 `NO_PAYMENT_METHOD`). Card details are managed in the platform's own billing pages. Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["getPaymentMethod"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/subscription": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the billing model and legacy plan
         * @description Whether the account is on PAYG or a legacy monthly API plan (kept until it is cancelled), whether a custom pricing agreement applies, and when the account migrated to PAYG. Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["getSubscription"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/subscription/migration-preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preview the move from a plan to PAYG
         * @description What cancelling the legacy plan would do: the remaining plan credits, the rate at which they convert into a non-expiring dollar balance, the balance after, and what the last 30 days of usage would have cost on PAYG. A 409 `ALREADY_ON_PAYG` when the account is not on a subscription. Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["getMigrationPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/subscription/migrate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel the plan and move to PAYG
         * @description Cancels the legacy plan and moves the account to PAYG with no downtime: the remaining plan credits become a non-expiring dollar balance, recorded as one `MIGRATION_CREDIT` transaction. A custom pricing agreement is not changed. A 409 `ALREADY_ON_PAYG` when the account is not on a subscription. Accepts an optional `Idempotency-Key`. Extension endpoint, not part of Leonardo's public API.
         */
        post: operations["migrateToPayg"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/pricing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get per-model pricing and discounts
         * @description The models and services the account can price, with the account's discount on each (0 for self-serve accounts, which pay list prices; custom-deal accounts can have per-model discounts). `illustrative` is true when the prices come from an illustrative table (the kit's mock) rather than a real price list. Use `POST /billing/pricing/quote` to get a price. Extension endpoint, not part of Leonardo's public API.
         */
        get: operations["getPricing"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/pricing/quote": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Quote your price beside the list price
         * @description Prices a request described exactly as for `POST /pricing-calculator` and returns the account's price beside the list price, with the discount that applies and the pricing model it was matched to. Nothing is charged. Extension endpoint, not part of Leonardo's public API.
         */
        post: operations["quotePrice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description An exact decimal amount as a string (dollars unless stated otherwise). Parse it with exact arithmetic, never as a float.
         * @example 12.4567
         * @example -0.048
         */
        DecimalString: string;
        /**
         * @description The currency of every dollar amount. Always `USD`.
         * @enum {string}
         */
        Currency: "USD";
        /** @description What a request cost: the amount charged and its unit. Read this before the deprecated `apiCreditCost`. */
        Cost: {
            /**
             * @description The amount as a decimal string, e.g. `"0.024"`.
             * @example 0.024
             */
            amount: string;
            unit: components["schemas"]["CostUnit"];
        };
        /**
         * @description `DOLLARS` for PAYG accounts, `CREDITS` (legacy API credits) for legacy plans.
         * @enum {string}
         */
        CostUnit: "DOLLARS" | "CREDITS";
        /**
         * @description A priced service of the Production API.
         * @enum {string}
         */
        PricingService: "IMAGE_GENERATION" | "FANTASY_AVATAR_GENERATION" | "MOTION_SVD_GENERATION" | "MOTION_VIDEO_GENERATION" | "VEO3_MOTION_VIDEO_GENERATION" | "LCM_GENERATION" | "MODEL_TRAINING" | "TEXTURE_GENERATION" | "UNIVERSAL_UPSCALER" | "UNIVERSAL_UPSCALER_ULTRA";
        /**
         * @description `PAYG` (prepaid dollar balance) or `SUBSCRIPTION` (legacy monthly API plan with credits).
         * @enum {string}
         */
        BillingModel: "PAYG" | "SUBSCRIPTION";
        /**
         * @description A stable, machine-readable error code.
         * @enum {string}
         */
        ErrorCode: "BAD_REQUEST" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "INSUFFICIENT_BALANCE" | "PAYMENT_DECLINED" | "NO_PAYMENT_METHOD" | "IDEMPOTENCY_CONFLICT" | "ALREADY_ON_PAYG" | "VALIDATION_FAILED" | "RATE_LIMITED" | "INTERNAL_ERROR" | "SERVICE_UNAVAILABLE";
        /** @description One invalid field. */
        FieldError: {
            /** @description Dotted path of the field, e.g. `serviceParams.IMAGE_GENERATION.numImages`. */
            field: string;
            /** @description Human-readable explanation. */
            message: string;
            /**
             * @description Machine-readable reason, e.g. `REQUIRED`, `OUT_OF_RANGE`, `TOO_SMALL`, `TOO_LARGE`, `NOT_MULTIPLE_OF`, `INVALID_TYPE`.
             * @example OUT_OF_RANGE
             */
            code: string;
        };
        /** @description The body of every error response. */
        ApiError: {
            code: components["schemas"]["ErrorCode"];
            /** @description A human-readable message, safe to show to a user. */
            message: string;
            /** @description Extra machine-readable context; its shape depends on `code`. */
            details?: {
                [key: string]: unknown;
            };
            /** @description Per-field problems (with `VALIDATION_FAILED`). */
            fieldErrors?: components["schemas"]["FieldError"][];
        };
        /** @description Why a request was refused for lack of balance. */
        InsufficientBalanceDetails: {
            balance: components["schemas"]["DecimalString"];
            required: components["schemas"]["DecimalString"];
            currency: components["schemas"]["Currency"];
        };
        /** @description An `ApiError` with code `INSUFFICIENT_BALANCE` and balance details. */
        InsufficientBalanceError: components["schemas"]["ApiError"] & {
            /** @enum {string} */
            code?: "INSUFFICIENT_BALANCE";
            details: components["schemas"]["InsufficientBalanceDetails"];
        };
        /** @description An `ApiError` with code `VALIDATION_FAILED` and at least one field error. */
        ValidationError: components["schemas"]["ApiError"] & {
            /** @enum {string} */
            code?: "VALIDATION_FAILED";
            fieldErrors: components["schemas"]["FieldError"][];
        };
        GetUserSelfResponse: {
            user_details: components["schemas"]["UserDetails"][];
        };
        User: {
            /**
             * Format: uuid
             * @description The user ID.
             */
            id: string;
            /** @description Username of the user. */
            username: string | null;
        };
        /** @description The user and the token balances of the account. */
        UserDetails: {
            user: components["schemas"]["User"];
            /** @description Web-app plan token renewal date. */
            tokenRenewalDate: string | null;
            /** @description Balance of paid (web-app) tokens. */
            paidTokens: number | null;
            /** @description Balance of web-app plan subscription tokens. */
            subscriptionTokens: number;
            /** @description Balance of plan GPT (prompt generation) tokens. */
            subscriptionGptTokens: number;
            /** @description Balance of model training tokens. */
            subscriptionModelTokens: number;
            /** @description API concurrency slots. */
            apiConcurrencySlots: number;
            /** @description Remaining credits of a legacy API plan. */
            apiSubscriptionTokens: number;
            /**
             * @description On PAYG accounts, the dollar balance as a decimal number (e.g. `12.4567`). Leonardo's SDK types it as an integer; read it as the PAYG balance only when `GET /billing/balance` is not available.
             * @example 12.4567
             */
            apiPaidTokens: number | null;
            /** @description Legacy API plan credit renewal date. */
            apiPlanTokenRenewalDate: string | null;
        };
        /** @description A request to price: the service and its parameters, under `serviceParams.<SERVICE>`. Only the entry matching `service` is read. */
        PricingCalculatorRequest: {
            service: components["schemas"]["PricingService"];
            serviceParams: components["schemas"]["ServiceParams"];
        };
        /** @description One optional entry per service; send the one named by `service`. */
        ServiceParams: {
            IMAGE_GENERATION?: components["schemas"]["ImageGenerationParams"];
            FANTASY_AVATAR_GENERATION?: components["schemas"]["FantasyAvatarGenerationParams"];
            MOTION_SVD_GENERATION?: components["schemas"]["MotionSvdGenerationParams"];
            MOTION_VIDEO_GENERATION?: components["schemas"]["MotionVideoGenerationParams"];
            VEO3_MOTION_VIDEO_GENERATION?: components["schemas"]["Veo3MotionVideoGenerationParams"];
            LCM_GENERATION?: components["schemas"]["LcmGenerationParams"];
            MODEL_TRAINING?: components["schemas"]["ModelTrainingParams"];
            TEXTURE_GENERATION?: components["schemas"]["TextureGenerationParams"];
            UNIVERSAL_UPSCALER?: components["schemas"]["UniversalUpscalerParams"];
            UNIVERSAL_UPSCALER_ULTRA?: components["schemas"]["UniversalUpscalerUltraParams"];
        };
        /**
         * @description Prompt Magic version.
         * @enum {string}
         */
        PromptMagicVersion: "v2" | "v3";
        /**
         * @description PhotoReal version. `v1` ignores the model; `v2` needs a supported XL model.
         * @enum {string}
         */
        PhotoRealVersion: "v1" | "v2";
        /** @description Parameters for the `IMAGE_GENERATION` service (the settings of `POST /generations`). An absent `alchemyMode` is priced as on, as `POST /generations` defaults `alchemy` to true (Leonardo declares that default on the generation, not here; the kit assumes the calculator prices the generation a request describes). */
        ImageGenerationParams: {
            /**
             * @description Input width of the images. Between 32 and 1024, a multiple of 8.
             * @default 1024
             */
            imageWidth?: number;
            /**
             * @description Input height of the images. Between 32 and 1024, a multiple of 8.
             * @default 768
             */
            imageHeight?: number;
            /**
             * @description Number of images. Between 1 and 8; between 1 and 4 when either side is over 768.
             * @default 4
             */
            numImages?: number;
            /**
             * @description Step count. Between 10 and 60.
             * @default 15
             */
            inferenceSteps?: number;
            /** @description Whether Prompt Magic is used. */
            promptMagic?: boolean | null;
            /** @description Prompt Magic strength. Between 0.1 and 1.0. */
            promptMagicStrength?: number | null;
            /** @description Prompt Magic version, with `promptMagic`. */
            promptMagicVersion?: components["schemas"]["PromptMagicVersion"] | null;
            /**
             * @description Whether Alchemy is used. Priced as on when absent (see above).
             * @default true
             */
            alchemyMode?: boolean;
            /** @description Whether PhotoReal is used (requires Alchemy). */
            photoRealMode?: boolean | null;
            /** @description PhotoReal v1 depth of field. 0.55 for low, 0.5 for medium, 0.45 for high. */
            photoRealStrength?: number | null;
            /** @description PhotoReal version. */
            photoRealVersion?: components["schemas"]["PhotoRealVersion"] | null;
            /** @description Whether the High Resolution feature is used. */
            highResolution?: boolean;
            /** @description Number of LoRAs (elements) applied. */
            loraCount?: number | null;
            /** @description Whether the model is a user-trained custom model. */
            isModelCustom?: boolean | null;
            /** @description Combined cost of the ControlNets / image guidance used, as reported by the API. */
            controlnetsCost?: number | null;
            /** @description Whether the model is Leonardo Phoenix. */
            isPhoenix?: boolean | null;
            /** @description Whether the model is an SDXL model. */
            isSDXL?: boolean | null;
            /** @description Whether the model is an SDXL Lightning model. */
            isSDXLLightning?: boolean | null;
            /** @description Whether Ultra mode is used. */
            isUltra?: boolean | null;
            /** @description Whether the model is FLUX.1 Schnell. */
            isFluxSchnell?: boolean | null;
            /** @description Whether the model is FLUX.1 Dev. */
            isFluxDev?: boolean | null;
            /** @description Whether the model is FLUX.1 Kontext. */
            isFluxKontext?: boolean | null;
        };
        /** @description Parameters for the `FANTASY_AVATAR_GENERATION` service. */
        FantasyAvatarGenerationParams: {
            /**
             * @description Input width. Between 32 and 1024, a multiple of 8.
             * @default 512
             */
            imageWidth?: number;
            /**
             * @description Input height. Between 32 and 1024, a multiple of 8.
             * @default 512
             */
            imageHeight?: number;
            /**
             * @description Number of avatars. Between 1 and 8; between 1 and 4 when either side is over 768.
             * @default 4
             */
            numImages?: number;
        };
        /** @description Parameters for the `MOTION_SVD_GENERATION` service (image-to-motion with Stable Video Diffusion). Leonardo's calculator takes none: a motion clip has a fixed price. */
        MotionSvdGenerationParams: Record<string, never>;
        /** @description Parameters for the `MOTION_VIDEO_GENERATION` service (Motion 2.0 video). */
        MotionVideoGenerationParams: {
            /**
             * @description The resolution of the video. `RESOLUTION_480` or `RESOLUTION_720`.
             * @default RESOLUTION_720
             * @enum {string}
             */
            resolution?: "RESOLUTION_480" | "RESOLUTION_720";
        };
        /** @description Parameters for the `VEO3_MOTION_VIDEO_GENERATION` service (Veo 3 video). The calculator takes no duration; it prices a Veo 3 clip whatever its length. */
        Veo3MotionVideoGenerationParams: {
            /**
             * @description The resolution of the video. Veo 3 supports `RESOLUTION_720` only.
             * @default RESOLUTION_720
             * @enum {string}
             */
            resolution?: "RESOLUTION_720";
        };
        /** @description Parameters for the `LCM_GENERATION` service (realtime / LCM images). */
        LcmGenerationParams: {
            /**
             * @description Output width. 512, 640 or 1024.
             * @default 512
             * @enum {integer|null}
             */
            width?: 512 | 640 | 1024 | null;
            /**
             * @description Output height. 512, 640 or 1024.
             * @default 512
             * @enum {integer|null}
             */
            height?: 512 | 640 | 1024 | null;
            /** @description Enable for the normal Alchemy upscale. */
            refine?: boolean | null;
            /** @description Enable for the instant upscale. */
            instantRefine?: boolean | null;
        };
        /** @description Parameters for the `MODEL_TRAINING` service (training a custom model or an element). With `sd_version` `FLUX_DEV` the price depends on the dataset's size. */
        ModelTrainingParams: {
            /**
             * @description Training resolution in pixels. 512, 768 or 1024.
             * @default 512
             * @enum {integer}
             */
            resolution?: 512 | 768 | 1024;
            /**
             * @description `FLUX_DEV` for FLUX_DEV pricing; omit otherwise.
             * @enum {string|null}
             */
            sd_version?: "FLUX_DEV" | null;
            /** @description Images in the training dataset when `sd_version` is `FLUX_DEV`. Between 1 and 50; the kit's mock assumes 20 when absent. */
            datasetImageCount?: number | null;
        };
        /** @description Parameters for the `TEXTURE_GENERATION` service (3D texturing). Leonardo's SDK 4.21.3 has no texture endpoint, only this calculator service. */
        TextureGenerationParams: {
            /**
             * @description Price a texturing preview instead of a full texture.
             * @default false
             */
            preview?: boolean;
        };
        /** @description Parameters for the `UNIVERSAL_UPSCALER` service: the size of the upscaled image in whole megapixels (`POST /variations/universal-upscaler` without an Ultra style). */
        UniversalUpscalerParams: {
            /**
             * @description Megapixels of the upscaled image. At most 20 (the largest upscale). The kit's mock assumes 4 when absent.
             * @default 4
             */
            megapixel?: number;
        };
        /** @description Parameters for the `UNIVERSAL_UPSCALER_ULTRA` service. */
        UniversalUpscalerUltraParams: {
            /** @description The input width of the image in pixels. */
            inputWidth?: number;
            /** @description The input height of the image in pixels. */
            inputHeight?: number;
            /** @description The upscale multiplier. Between 1.00 and 2.00. */
            upscaleMultiplier?: number;
        };
        PricingCalculatorResponse: {
            calculateProductionApiServiceCost: components["schemas"]["CalculateProductionApiServiceCost"];
        };
        /** @description The calculated cost. */
        CalculateProductionApiServiceCost: {
            /** @description The cost of the request: dollars on PAYG accounts (e.g. `0.048`), API credits on legacy plans. A custom-deal account gets its own discounted price, not the list price. */
            cost: number;
        };
        /** @description Settings of an image generation: the fields that change the price or that the mock checks, with Leonardo's defaults. Leonardo's endpoint accepts more (controlnets, init images, canvas...); they pass through unchanged. */
        CreateGenerationRequest: {
            /**
             * @description The prompt used to generate images.
             * @default A majestic cat in the snow
             */
            prompt?: string;
            /**
             * @description The model used (a platform or custom model). Leonardo Lightning XL when absent.
             * @default b24e16ff-06e3-43eb-8d33-4416c2d75876
             */
            modelId?: string | null;
            /**
             * @description Number of images to generate. Between 1 and 8; between 1 and 4 if either width or height is over 768.
             * @default 4
             */
            num_images?: number | null;
            /**
             * @description Input width of the images. Between 32 and 1536, a multiple of 8.
             * @default 1024
             */
            width?: number | null;
            /**
             * @description Input height of the images. Between 32 and 1536, a multiple of 8.
             * @default 768
             */
            height?: number | null;
            /**
             * @description Step count. Between 10 and 60.
             * @default 15
             */
            num_inference_steps?: number | null;
            /** @description How strongly the generation reflects the prompt. Between 1 and 20; 7 is recommended. */
            guidance_scale?: number | null;
            /**
             * @description Enable Alchemy (the version suited to the model is used). On when absent.
             * @default true
             */
            alchemy?: boolean | null;
            /**
             * @description Preset style, e.g. `DYNAMIC`, `CINEMATIC`, `ANIME`, `NONE`; the allowed values depend on the model and Alchemy.
             * @default DYNAMIC
             * @example DYNAMIC
             */
            presetStyle?: string | null;
            /** @description Whether the images show in the community feed. */
            public?: boolean | null;
            /** @description The negative prompt. */
            negative_prompt?: string | null;
            /** @description Seed for reproducible results. */
            seed?: number | null;
            /** @description Enable PhotoReal (requires Alchemy). */
            photoReal?: boolean | null;
            /** @description The PhotoReal version. */
            photoRealVersion?: components["schemas"]["PhotoRealVersion"] | null;
            /** @description PhotoReal v1 depth of field. 0.55 for low, 0.5 for medium, 0.45 for high. */
            photoRealStrength?: number | null;
            /** @description Enable Prompt Magic. */
            promptMagic?: boolean | null;
            /** @description Prompt Magic strength. Between 0.1 and 1.0. */
            promptMagicStrength?: number | null;
            /** @description Prompt Magic version, with `promptMagic`. */
            promptMagicVersion?: components["schemas"]["PromptMagicVersion"] | null;
            /** @description Enable the High Resolution feature. */
            highResolution?: boolean | null;
            /** @description Enable Ultra mode (Phoenix and Flux models). */
            ultra?: boolean | null;
            /** @description Contrast for Phoenix and Flux models, e.g. 1.0, 1.3, 1.8, 2.5, 3, 3.5, 4, 4.5. */
            contrast?: number | null;
            /** @description Let the API rewrite the prompt before generating. */
            enhancePrompt?: boolean | null;
            /** @description Elements (LoRAs) applied; each one is priced. */
            elements?: components["schemas"]["ElementInput"][] | null;
        };
        /** @description The accepted job; poll `GET /generations/{id}`. */
        SdGenerationJob: components["schemas"]["JobCharge"] & {
            /** @description ID of the generation. */
            generationId?: string;
        };
        CreateGenerationResponse: {
            /** @description The accepted job, or null. */
            sdGenerationJob?: components["schemas"]["SdGenerationJob"] | null;
        };
        /**
         * @description Status of a job: `PENDING` while it runs, then `COMPLETE` or `FAILED`. A `FAILED` job's charge is refunded with a `REFUND` ledger entry (the kit's assumption).
         * @enum {string}
         */
        JobStatus: "PENDING" | "COMPLETE" | "FAILED";
        GeneratedImage: {
            /** @description Image ID. */
            id?: string | null;
            /** @description URL of the image. */
            url?: string;
            /** @description Whether the image was flagged NSFW. */
            nsfw?: boolean;
            /** @description URL of the video, for a motion or video generation. */
            motionMP4URL?: string | null;
        };
        Generation: {
            /** @description Generation ID. */
            id?: string | null;
            status?: components["schemas"]["JobStatus"];
            /** @description The prompt used. */
            prompt?: string;
            /** @description The model used. */
            modelId?: string | null;
            /** @description The preset style used, or null. */
            presetStyle: string | null;
            /** @description Width of the images. */
            imageWidth?: number;
            /** @description Height of the images. */
            imageHeight?: number;
            /**
             * Format: date-time
             * @description When the generation was created.
             */
            createdAt?: string;
            /** @description The images (or videos), once complete; empty while pending or after a failure. */
            generated_images?: components["schemas"]["GeneratedImage"][];
        };
        GetGenerationResponse: {
            /** @description The generation, or null when not found. */
            generations_by_pk?: components["schemas"]["Generation"] | null;
        };
        CreateVariationUpscaleRequest: {
            /** @description The ID of the image to upscale. */
            id: string;
        };
        CreateVariationNoBgRequest: {
            /** @description The ID of the image. */
            id: string;
            /** @description Whether the ID is a variation image rather than a generated image. */
            isVariation?: boolean;
        };
        CreateVariationUnzoomRequest: {
            /** @description The ID of the image. */
            id?: string;
            /** @description Whether the ID is a variation image rather than a generated image. */
            isVariation?: boolean | null;
        };
        /** @description An accepted variation job; poll `GET /variations/{id}`. */
        VariationJob: components["schemas"]["JobCharge"] & {
            /** @description ID of the variation job. */
            id?: string;
        };
        CreateVariationUpscaleResponse: {
            /** @description The accepted job, or null. */
            sdUpscaleJob?: components["schemas"]["VariationJob"] | null;
        };
        CreateVariationNoBgResponse: {
            sdNobgJob?: components["schemas"]["NoBgVariationJob"];
        };
        CreateVariationUnzoomResponse: {
            /** @description The accepted job, or null. */
            sdUnzoomJob?: components["schemas"]["VariationJob"] | null;
        };
        /** @description What an accepted job was charged. Read `cost` first; fall back to the deprecated `apiCreditCost` only when `cost` is absent. Leonardo's SDK lets both be missing or null. */
        JobCharge: {
            /**
             * @deprecated
             * @description Deprecated. API credit cost of the job; use `cost`.
             */
            apiCreditCost?: number | null;
            /** @description The cost of the job, or null. */
            cost?: components["schemas"]["Cost"] | null;
        };
        /** @description An element (LoRA) applied to a generation. */
        ElementInput: {
            /** @description The element's id (see Leonardo's List Elements endpoint). */
            akUUID: string;
            /**
             * @description The weight of the element. 1 when absent.
             * @default 1
             */
            weight?: number | null;
        };
        /**
         * @description The kind of a variation.
         * @enum {string}
         */
        VariationType: "OUTPAINT" | "INPAINT" | "UPSCALE" | "UNZOOM" | "NOBG";
        /**
         * @description A style of the Universal Upscaler.
         * @enum {string}
         */
        UniversalUpscalerStyle: "GENERAL" | "CINEMATIC" | "2D ART & ILLUSTRATION" | "CG ART & GAME ASSETS";
        /**
         * @description A style of the Universal Upscaler Ultra.
         * @enum {string}
         */
        UniversalUpscalerUltraStyle: "ARTISTIC" | "REALISTIC";
        /** @description A Universal Upscaler job: one source image (`generatedImageId`, `variationId` or `initImageId`) and either `upscalerStyle` or `ultraUpscaleStyle`. */
        CreateUniversalUpscalerJobRequest: {
            /** @description The ID of the generated image. */
            generatedImageId?: string | null;
            /** @description The ID of the variation image. */
            variationId?: string | null;
            /** @description The ID of the init image uploaded. */
            initImageId?: string | null;
            /**
             * @description The upscale multiplier. Between 1.0 and 2.0.
             * @default 1.5
             */
            upscaleMultiplier?: number | null;
            /** @description The style; not with `ultraUpscaleStyle`. */
            upscalerStyle?: components["schemas"]["UniversalUpscalerStyle"] | null;
            /** @description The Ultra style; not with `upscalerStyle`. Priced as `UNIVERSAL_UPSCALER_ULTRA`. */
            ultraUpscaleStyle?: components["schemas"]["UniversalUpscalerUltraStyle"] | null;
            /**
             * @description The creativity strength. Between 1 and 10.
             * @default 5
             */
            creativityStrength?: number | null;
            /** @description The detail contrast (Ultra only). Between 1 and 10. */
            detailContrast?: number | null;
            /** @description The similarity (Ultra only). Between 1 and 10. */
            similarity?: number | null;
            /** @description The prompt for the upscaler. */
            prompt?: string | null;
        };
        /** @description The accepted Universal Upscaler job; poll `GET /variations/{id}`. */
        UniversalUpscalerJob: components["schemas"]["JobCharge"] & {
            /** @description The ID of the variation job. */
            id?: string | null;
        };
        CreateUniversalUpscalerJobResponse: {
            universalUpscaler?: components["schemas"]["UniversalUpscalerJob"];
        };
        /** @description A variation job and its result. */
        GeneratedImageVariationGeneric: {
            /** @description The ID of the variation. */
            id?: string | null;
            status?: components["schemas"]["JobStatus"];
            transformType?: components["schemas"]["VariationType"];
            /** @description The URL of the variation image, once complete. */
            url?: string | null;
            /**
             * Format: date-time
             * @description When the variation was created.
             */
            createdAt?: string;
        };
        GetVariationByIdResponse: {
            generated_image_variation_generic?: components["schemas"]["GeneratedImageVariationGeneric"][];
        };
        /** @description A motion variation (video upscale) and its result. */
        GeneratedImageVariationMotion: {
            /** @description The ID of the motion variation. */
            id?: string | null;
            status?: components["schemas"]["JobStatus"];
            /**
             * @description The kind of motion variation.
             * @enum {string}
             */
            motionTransformType?: "UPSCALE";
            /**
             * @description The resolution of the video.
             * @enum {string}
             */
            resolution?: "RESOLUTION_720";
            /** @description The URL of the video, once complete. */
            url?: string | null;
            /**
             * Format: date-time
             * @description When the motion variation was created.
             */
            createdAt?: string;
        };
        GetMotionVariationByIdResponse: {
            generated_image_variation_motion?: components["schemas"]["GeneratedImageVariationMotion"][];
        };
        CreateSVDMotionGenerationRequest: {
            /** @description The ID of the image (a generated, variation or init image). */
            imageId: string;
            /** @description Whether it is an init image uploaded by the user. */
            isInitImage?: boolean | null;
            /** @description Whether it is a variation image. */
            isVariation?: boolean | null;
            /** @description Whether the generation is public. */
            isPublic?: boolean | null;
            /** @description The motion strength. */
            motionStrength?: number | null;
        };
        /** @description An accepted generation job; poll `GET /generations/{id}`. */
        GenerationJob: components["schemas"]["JobCharge"] & {
            /** @description ID of the generation. */
            generationId?: string;
        };
        CreateSVDMotionGenerationResponse: {
            /** @description The accepted job, or null. */
            motionSvdGenerationJob?: components["schemas"]["GenerationJob"] | null;
        };
        /**
         * @description A video model. `MOTION2` when absent.
         * @enum {string}
         */
        VideoModel: "MOTION2" | "MOTION2FAST" | "VEO3" | "VEO3FAST" | "KLING2_1" | "KLING2_5";
        /**
         * @description The resolution of a video; which ones a model accepts varies.
         * @enum {string}
         */
        VideoResolution: "RESOLUTION_480" | "RESOLUTION_720" | "RESOLUTION_1080";
        CreateTextToVideoGenerationRequest: {
            /** @description The prompt of the video. */
            prompt: string;
            /**
             * @description The model. Defaults to `MOTION2`.
             * @default MOTION2
             */
            model?: components["schemas"]["VideoModel"] | null;
            /** @description The resolution; acceptable values vary by model. */
            resolution?: components["schemas"]["VideoResolution"] | null;
            /**
             * @description Seconds of video: 4, 6 or 8 on `VEO3` and `VEO3FAST` (default 8), 5 or 10 on `KLING2_5` (default 5).
             * @default 8
             */
            duration?: number | null;
            /** @description Width of the video; acceptable values vary by model. */
            width?: number | null;
            /** @description Height of the video; acceptable values vary by model. */
            height?: number | null;
            /** @description The negative prompt. */
            negativePrompt?: string | null;
            /** @description A fixed seed. */
            seed?: number | null;
            /** @description Whether the generation is public. */
            isPublic?: boolean | null;
            /** @description Blend frames for smoother motion. */
            frameInterpolation?: boolean | null;
            /** @description Whether to enhance the prompt. */
            promptEnhance?: boolean | null;
            /** @description An instruction to modify the prompt. */
            promptEnhanceInstruction?: string | null;
            /** @description Style ids that enhance the prompt. */
            styleIds?: string[] | null;
            /** @description Elements applied (Motion 2.0 only). */
            elements?: components["schemas"]["ElementInput"][] | null;
        };
        VideoImageReference: {
            /** @description The ID of the image. */
            id: string;
            type: components["schemas"]["ImageType"];
        };
        /**
         * @description Whether an image was generated or uploaded.
         * @enum {string}
         */
        ImageType: "GENERATED" | "UPLOADED";
        CreateImageToVideoGenerationRequest: components["schemas"]["CreateTextToVideoGenerationRequest"] & {
            /** @description The ID of the start image (generated or uploaded). */
            imageId: string;
            imageType: components["schemas"]["ImageType"];
            /** @description The end frame image (`KLING2_1` only). */
            endFrameImage?: components["schemas"]["VideoImageReference"] | null;
        };
        CreateTextToVideoGenerationResponse: {
            /** @description The accepted job, or null. */
            motionVideoGenerationJob?: components["schemas"]["GenerationJob"] | null;
        };
        CreateImageToVideoGenerationResponse: {
            /** @description The accepted job, or null. */
            motionVideoGenerationJob?: components["schemas"]["GenerationJob"] | null;
        };
        CreateVideoUpscaleRequest: {
            /** @description The ID of the video generation to upscale. */
            sourceGenerationId: string;
            /**
             * @description The resolution of the upscaled video. `RESOLUTION_720` only.
             * @enum {string}
             */
            resolution: "RESOLUTION_720";
        };
        /** @description The accepted video upscale; poll `GET /motion-variations/{id}` with `variationId`. */
        VideoUpscaleJob: components["schemas"]["JobCharge"] & {
            /** @description The source video generation. */
            generationId?: string;
            /** @description The ID of the motion variation being made. */
            variationId?: string;
        };
        CreateVideoUpscaleResponse: {
            /** @description The accepted job, or null. */
            motionVideoGenerationJob?: components["schemas"]["VideoUpscaleJob"] | null;
        };
        /**
         * @description A style of realtime (LCM) images.
         * @enum {string}
         */
        LcmGenerationStyle: "ANIME" | "CINEMATIC" | "DIGITAL_ART" | "DYNAMIC" | "ENVIRONMENT" | "FANTASY_ART" | "ILLUSTRATION" | "PHOTOGRAPHY" | "RENDER_3D" | "RAYTRACED" | "SKETCH_BW" | "SKETCH_COLOR" | "VIBRANT" | "NONE";
        CreateLCMGenerationRequest: {
            /** @description The canvas image, base64 with a data URL prefix (`data:image/jpeg;base64,`). */
            imageDataUrl: string;
            /** @description The prompt. */
            prompt: string;
            /**
             * @description Output width. 512, 640 or 1024.
             * @default 512
             * @enum {integer|null}
             */
            width?: 512 | 640 | 1024 | null;
            /**
             * @description Output height. 512, 640 or 1024.
             * @default 512
             * @enum {integer|null}
             */
            height?: 512 | 640 | 1024 | null;
            /** @description How strongly the image reflects the prompt. Between 0.5 and 20. */
            guidance?: number | null;
            /** @description Steps. Between 4 and 16. */
            steps?: number | null;
            /** @description Creativity strength. Between 0.1 and 1. */
            strength?: number | null;
            /** @description A fixed seed. */
            seed?: number | null;
            /** @description The style. */
            style?: components["schemas"]["LcmGenerationStyle"] | null;
            /** @description Echoed in the answer, to match answers to requests. */
            requestTimestamp?: string;
        };
        PerformInstantRefineRequest: components["schemas"]["CreateLCMGenerationRequest"];
        PerformInpaintingLCMRequest: components["schemas"]["CreateLCMGenerationRequest"] & {
            /** @description The mask, base64 with a data URL prefix. */
            maskDataUrl: string;
        };
        PerformAlchemyUpscaleLCMRequest: components["schemas"]["CreateLCMGenerationRequest"] & {
            /** @description Refine creatively. */
            refineCreative?: boolean | null;
            /** @description Refine strength. Between 0.5 and 0.9. */
            refineStrength?: number | null;
        };
        /** @description The realtime image, charged. */
        LcmGenerationJob: components["schemas"]["JobCharge"] & {
            /** @description The images as data URLs. */
            imageDataUrl?: string[];
            /** @description The request's `requestTimestamp`. */
            requestTimestamp?: string;
        };
        /** @description The upscaled realtime image, charged, with the generation it was saved as. */
        AlchemyUpscaleLcmJob: components["schemas"]["LcmGenerationJob"] & {
            /** @description The ID of the saved image. */
            generatedImageId?: string;
            /** @description The IDs of the generations. */
            generationId?: string[];
            /** @description The IDs of the variations. */
            variationId?: string[];
        };
        CreateLCMGenerationResponse: {
            /** @description The image, or null. */
            lcmGenerationJob?: components["schemas"]["LcmGenerationJob"] | null;
        };
        PerformInstantRefineResponse: components["schemas"]["CreateLCMGenerationResponse"];
        PerformInpaintingLCMResponse: components["schemas"]["CreateLCMGenerationResponse"];
        PerformAlchemyUpscaleLCMResponse: {
            /** @description The image, or null. */
            lcmGenerationJob?: components["schemas"]["AlchemyUpscaleLcmJob"] | null;
        };
        PromptImproveRequest: {
            /** @description The prompt to improve. */
            prompt: string;
            /**
             * @description Whether the prompt is for a video.
             * @default false
             */
            isVideo?: boolean | null;
            /** @description Instructions for the rewrite. */
            promptInstructions?: string | null;
        };
        /** @description The written prompt and what it cost. */
        PromptGeneration: {
            /** @description The prompt. */
            prompt: string;
            /**
             * @deprecated
             * @description Deprecated. API credit cost; use `cost`.
             * @default 4
             */
            apiCreditCost: number;
            /** @description The cost, or null. */
            cost?: components["schemas"]["Cost"] | null;
        };
        PromptImproveResponse: {
            promptGeneration?: components["schemas"]["PromptGeneration"];
        };
        PromptRandomResponse: {
            promptGeneration?: components["schemas"]["PromptGeneration"];
        };
        /**
         * @description The base model an element is trained for.
         * @enum {string}
         */
        ElementBaseModel: "SDXL_0_9" | "SDXL_1_0" | "LEONARDO_DIFFUSION_XL" | "LEONARDO_LIGHTNING_XL" | "VISION_XL" | "KINO_XL" | "ALBEDO_XL" | "FLUX_DEV";
        CreateElementRequest: {
            /**
             * @description The ID of the dataset to train on.
             * @default
             */
            datasetId?: string;
            /**
             * @description The name of the element.
             * @default placeholder
             */
            name?: string;
            /**
             * @description The description of the element.
             * @default
             */
            description?: string | null;
            /**
             * @description The instance prompt (required except for some FLUX_DEV trainings).
             * @default
             */
            instance_prompt?: string | null;
            /** @description `General`, `Character`, `Style` or `Object` (FLUX_DEV has no `General`). */
            lora_focus: string;
            /** @description The learning rate; its range depends on the base model and focus. */
            learning_rate: number;
            /** @description Passes over the dataset; its range depends on the base model and focus. */
            num_train_epochs: number;
            /**
             * @description The training resolution. Must be 1024.
             * @default 1024
             * @enum {integer|null}
             */
            resolution?: 1024 | null;
            /** @default FLUX_DEV */
            sd_version?: components["schemas"]["ElementBaseModel"];
            /**
             * @description Whether to train the text encoder.
             * @default true
             */
            train_text_encoder?: boolean;
        };
        /** @description The accepted element training. */
        ElementTrainingJob: components["schemas"]["JobCharge"] & {
            /** @description The ID of the element being trained. */
            userLoraId?: number;
        };
        CreateElementResponse: {
            /** @description The accepted job, or null. */
            sdTrainingJob?: components["schemas"]["ElementTrainingJob"] | null;
        };
        /**
         * @description The category of a custom model.
         * @enum {string}
         */
        CustomModelType: "GENERAL" | "BUILDINGS" | "CHARACTERS" | "ENVIRONMENTS" | "FASHION" | "ILLUSTRATIONS" | "GAME_ITEMS" | "GRAPHICAL_ELEMENTS" | "PHOTOGRAPHY" | "PIXEL_ART" | "PRODUCT_DESIGN" | "TEXTURES" | "UI_ELEMENTS" | "VECTOR";
        CreateModelRequest: {
            /** @description The ID of the dataset to train on. */
            datasetId: string;
            /** @description The instance prompt. */
            instance_prompt: string;
            /** @description The name of the model. */
            name: string;
            /**
             * @description The description of the model.
             * @default
             */
            description?: string | null;
            /** @default GENERAL */
            modelType?: components["schemas"]["CustomModelType"];
            /**
             * @description Whether the model is NSFW.
             * @default false
             */
            nsfw?: boolean | null;
            /**
             * @description The training resolution. 512 or 768.
             * @default 512
             * @enum {integer|null}
             */
            resolution?: 512 | 768 | null;
            /**
             * @description The base Stable Diffusion version. `v1_5` when absent.
             * @default v1_5
             * @enum {string|null}
             */
            sd_version?: "v1_5" | "v2" | null;
            /**
             * @description Training strength (for `PIXEL_ART`).
             * @default MEDIUM
             * @enum {string}
             */
            strength?: "VERY_LOW" | "LOW" | "MEDIUM" | "HIGH";
        };
        /** @description The accepted model training. */
        ModelTrainingJob: components["schemas"]["JobCharge"] & {
            /** @description The ID of the model being trained. */
            customModelId?: string;
        };
        CreateModelResponse: {
            /** @description The accepted job, or null. */
            sdTrainingJob?: components["schemas"]["ModelTrainingJob"] | null;
        };
        /** @description An accepted background-removal job; poll `GET /variations/{id}`. */
        NoBgVariationJob: components["schemas"]["JobCharge"] & {
            /** @description ID of the variation job. */
            id?: string | null;
        };
        /**
         * @description `OK`; `LOW` when the balance is below `lowBalanceThreshold`; `PAUSED` when the balance cannot cover requests (they are refused until credit is added).
         * @enum {string}
         */
        BalanceState: "OK" | "LOW" | "PAUSED";
        /** @description The account's balance and state. */
        Balance: {
            balance: components["schemas"]["DecimalString"];
            currency: components["schemas"]["Currency"];
            billingModel: components["schemas"]["BillingModel"];
            /** @description Legacy plan credits left; null on PAYG. Never added to the dollar balance. */
            credits: number | null;
            state: components["schemas"]["BalanceState"];
            /** @description Low-balance level in whole dollars (the auto top-up threshold when auto top-up is on), or null. */
            lowBalanceThreshold: number | null;
            /** @description Whether auto top-up is on. */
            autoTopUpEnabled: boolean;
            /**
             * Format: date-time
             * @description When the balance last changed.
             */
            updatedAt: string;
        };
        /**
         * @description `MANUAL` (the user) or `AUTOMATIC` (auto top-up).
         * @enum {string}
         */
        TopUpKind: "MANUAL" | "AUTOMATIC";
        /**
         * @description Outcome of the payment.
         * @enum {string}
         */
        TopUpStatus: "SUCCEEDED" | "DECLINED";
        /** @description A top-up payment. */
        TopUp: {
            /** @description Top-up ID. */
            id: string;
            amount: components["schemas"]["DecimalString"];
            kind: components["schemas"]["TopUpKind"];
            status: components["schemas"]["TopUpStatus"];
            /** @description The payment method charged, or null. */
            paymentMethodId: string | null;
            /**
             * Format: date-time
             * @description When the top-up was attempted.
             */
            createdAt: string;
        };
        /** @description A manual top-up in whole dollars. The minimum and maximum are server policy (`TopUpLimits`, by default 5 and 10000); outside them is a 422. */
        TopUpRequest: {
            /** @description Whole dollars to add. */
            amount: number;
        };
        TopUpResult: {
            topUp: components["schemas"]["TopUp"];
            balance: components["schemas"]["Balance"];
        };
        /** @description A top-up found by its idempotency key, with the balance as it is now (later charges included), not as it was right after the top-up. */
        TopUpLookup: {
            topUp: components["schemas"]["TopUp"];
            balance: components["schemas"]["Balance"];
        };
        TopUpList: {
            data: components["schemas"]["TopUp"][];
            /** @description Cursor for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * @description Why auto top-up is off: `USER` (turned off by the user), `PAYMENT_DECLINED` (turned off after repeated declines, until the card is updated) or `NO_PAYMENT_METHOD` (the saved card was removed).
         * @enum {string}
         */
        AutoTopUpDisabledReason: "USER" | "PAYMENT_DECLINED" | "NO_PAYMENT_METHOD";
        /**
         * @description Outcome of an automatic top-up attempt; `CAP_REACHED` when the monthly cap prevented it.
         * @enum {string}
         */
        AutoTopUpAttemptStatus: "SUCCEEDED" | "DECLINED" | "CAP_REACHED";
        /** @description The last automatic top-up attempt. */
        AutoTopUpAttempt: {
            /**
             * Format: date-time
             * @description When it was attempted.
             */
            at: string;
            status: components["schemas"]["AutoTopUpAttemptStatus"];
            /** @description The whole payment, k x the auto top-up `amount` (for `CAP_REACHED`, the `amount` the cap no longer allows). */
            amount: components["schemas"]["DecimalString"];
            /** @description The resulting top-up, or null when none was made (`CAP_REACHED`). */
            topUpId: string | null;
            /** @description A human-readable explanation, e.g. the decline message. */
            message: string | null;
        };
        /** @description Auto top-up settings and status. While it is enabled and the balance is below `threshold` (after a charge or a manual top-up, when it is enabled, and when a new month starts a fresh cap), one payment from the saved card adds `amount` as many times as it takes to reach `threshold`, within what `monthlyCap` still allows in whole multiples of `amount`; one run however many requests fall below the threshold together. */
        AutoTopUp: {
            /** @description Whether auto top-up is on. */
            enabled: boolean;
            /** @description Whole dollars; a top-up runs when the balance drops below it. Null if never set. */
            threshold: number | null;
            /** @description Whole dollars; each automatic top-up adds a whole multiple of it (k x amount, as one payment). Null if never set. */
            amount: number | null;
            /** @description Most whole dollars of automatic top-ups per calendar month (UTC), or null for no cap. */
            monthlyCap: number | null;
            spentThisMonth: components["schemas"]["DecimalString"];
            /** @description Declines in a row; auto top-up turns off after repeated declines. */
            consecutiveFailures: number;
            /** @description Why auto top-up is off, or null. */
            disabledReason: components["schemas"]["AutoTopUpDisabledReason"] | null;
            /** @description The last automatic attempt, or null. */
            lastAttempt: components["schemas"]["AutoTopUpAttempt"] | null;
            topUpLimits?: components["schemas"]["TopUpLimits"];
        };
        /**
         * @description The server's top-up policy in whole dollars: the smallest and largest amount one top-up (manual or automatic) may add. A server that leaves it out applies its own policy and answers a 422 with the bounds outside it. The default is the policy of a server that is not configured otherwise ($5 to $10,000).
         * @default {
         *       "minimum": 5,
         *       "maximum": 10000
         *     }
         */
        TopUpLimits: {
            /** @description The smallest top-up, in whole dollars. */
            minimum: number;
            /** @description The largest top-up, in whole dollars. */
            maximum: number;
        };
        /** @description New auto top-up settings. Amounts are whole dollars. */
        AutoTopUpUpdate: {
            /** @description Turn auto top-up on or off. */
            enabled: boolean;
            /** @description Whole dollars; a top-up runs when the balance drops below it. */
            threshold: number;
            /** @description Whole dollars; each automatic top-up adds a whole multiple of it (k x amount, as one payment), and it is subject to the top-up policy. */
            amount: number;
            /** @description Most whole dollars of automatic top-ups per calendar month (UTC), at least `amount`. Omitted: the saved cap is kept as it is. `null`: the cap is removed (no cap). A number: the new cap. */
            monthlyCap?: number | null;
        };
        AutoTopUpResult: {
            autoTopUp: components["schemas"]["AutoTopUp"];
            balance: components["schemas"]["Balance"];
            /** @description The top-up (one payment of k x amount) triggered at once by enabling below the threshold, or null. */
            triggeredTopUp: components["schemas"]["TopUp"] | null;
        };
        /**
         * @description Kind of ledger entry. `REFUND` gives back the charge of a job that ended `FAILED` (with the job's id in `generationId` and the charged service); this is the kit's assumption, as Leonardo does not document refunds of failed jobs.
         * @enum {string}
         */
        TransactionType: "TOP_UP" | "AUTO_TOP_UP" | "USAGE" | "MIGRATION_CREDIT" | "FREE_CREDIT" | "ADJUSTMENT" | "REFUND";
        /** @description One ledger entry. A legacy plan's charges and refunds are entries in plan credits (`unit: CREDITS`): `amount` is whole credits and `balanceAfter` the plan credits left after it. Without `unit` an entry is in dollars. */
        Transaction: {
            /** @description Transaction ID. */
            id: string;
            type: components["schemas"]["TransactionType"];
            amount: components["schemas"]["DecimalString"];
            balanceAfter: components["schemas"]["DecimalString"];
            /** @description Human-readable description. */
            description: string;
            /** @description The service charged (for `USAGE`), or null. */
            service: components["schemas"]["PricingService"] | null;
            /** @description The generation or job charged, or null. */
            generationId: string | null;
            /** @description The top-up that credited the balance, or null. */
            topUpId: string | null;
            /**
             * Format: date-time
             * @description When the entry was recorded.
             */
            createdAt: string;
            unit?: components["schemas"]["CostUnit"];
        };
        TransactionList: {
            /** @description Transactions, newest first. */
            data: components["schemas"]["Transaction"][];
            /** @description Cursor for the next page; null on the last page. */
            nextCursor: string | null;
        };
        /**
         * @description Bucket size: a UTC day, an ISO week (Monday to Sunday, UTC) or a calendar month (UTC).
         * @default DAY
         * @enum {string}
         */
        UsageGranularity: "DAY" | "WEEK" | "MONTH";
        /**
         * @description A usage range's length in days, at most ten years.
         * @default 30
         */
        UsageDays: number;
        /** @description Spend on one service within a bucket. */
        ServiceUsage: {
            service: components["schemas"]["PricingService"];
            amount: components["schemas"]["DecimalString"];
            /** @description Number of charged requests. */
            requests: number;
        };
        /** @description Spend in one bucket (a day, a week or a month). */
        UsageBucket: {
            /**
             * Format: date
             * @description The bucket's first day within the range (YYYY-MM-DD, UTC).
             */
            date: string;
            total: components["schemas"]["DecimalString"];
            /** @description Number of charged requests. */
            requests: number;
            byService: components["schemas"]["ServiceUsage"][];
        };
        /** @description Spend over a date range, in the unit the account pays in now: dollars, or plan credits on a legacy plan (`unit: CREDITS`, every amount whole credits). Without `unit` the amounts are dollars. */
        UsageReport: {
            /**
             * Format: date
             * @description First day of the range.
             */
            from: string;
            /**
             * Format: date
             * @description Last day of the range.
             */
            to: string;
            currency: components["schemas"]["Currency"];
            total: components["schemas"]["DecimalString"];
            granularity: components["schemas"]["UsageGranularity"];
            /** @description One bucket per day, week or month (`granularity`), oldest first, including buckets without usage. The first and last are cut to the range. */
            buckets: components["schemas"]["UsageBucket"][];
            unit?: components["schemas"]["CostUnit"];
        };
        /** @description A saved card, summarised. */
        PaymentMethod: {
            /** @description Payment method ID. */
            id: string;
            /** @description Card brand, e.g. `visa`, `mastercard`, `amex`. */
            brand: string;
            /** @description Last four digits. */
            last4: string;
            /** @description Expiry month. */
            expMonth: number;
            /** @description Expiry year (four digits). */
            expYear: number;
        };
        PaymentMethodResponse: {
            /** @description The saved card, or null. */
            paymentMethod: components["schemas"]["PaymentMethod"] | null;
        };
        /** @description A legacy monthly API plan. */
        SubscriptionPlan: {
            /** @description Plan name. */
            name: string;
            monthlyPrice: components["schemas"]["DecimalString"];
            /** @description API credits granted each month. */
            creditsPerMonth: number;
            /** @description API credits left this period. At each renewal they go back to `creditsPerMonth`: credits left unused do not roll over. */
            creditsRemaining: number;
            /**
             * Format: date-time
             * @description When the credits renew. Each renewal moves it one calendar month (UTC) on, to the same day of the month, or to the month's last day in a month without that day (a plan of the 31st renews on April 30, then May 31). Once it has passed, the plan reads renewed, even without a request in between.
             */
            renewalDate: string;
        };
        /** @description The account's billing model and legacy plan. */
        Subscription: {
            billingModel: components["schemas"]["BillingModel"];
            /** @description Whether a custom pricing agreement applies (unchanged by migration). */
            customPricing: boolean;
            /** @description The legacy plan, or null on PAYG. */
            plan: components["schemas"]["SubscriptionPlan"] | null;
            /**
             * Format: date-time
             * @description When the account moved to PAYG, or null.
             */
            migratedAt: string | null;
        };
        /** @description The last 30 days of usage (the 30 UTC days ending today, the days of `GET /billing/usage`'s default), net of refunds, and what it would have cost on PAYG. */
        MigrationPreviewUsage: {
            /** @description Plan credits used. */
            credits: number;
            /** @description Charged requests. */
            requests: number;
            paygCost: components["schemas"]["DecimalString"];
        };
        /** @description What moving to PAYG would do. */
        MigrationPreview: {
            /** @description Plan credits that would be converted. */
            creditsRemaining: number;
            dollarsPerCredit: components["schemas"]["DecimalString"];
            convertedAmount: components["schemas"]["DecimalString"];
            balanceAfter: components["schemas"]["DecimalString"];
            planMonthlyPrice: components["schemas"]["DecimalString"];
            last30Days: components["schemas"]["MigrationPreviewUsage"];
        };
        MigrationResult: {
            subscription: components["schemas"]["Subscription"];
            balance: components["schemas"]["Balance"];
            transaction: components["schemas"]["Transaction"];
        };
        /** @description A priced model or service and the account's discount on it. */
        PricingModel: {
            /**
             * @description Pricing key, e.g. `PHOENIX`, `FLUX_DEV`, `SDXL`, `SD15`, or a service name.
             * @example PHOENIX
             */
            key: string;
            /** @description Display name. */
            name: string;
            service: components["schemas"]["PricingService"];
            /** @description The account's discount off the list price, in percent (0 at list price). */
            discountPercent: number;
        };
        /** @description The account's pricing overview. */
        Pricing: {
            currency: components["schemas"]["Currency"];
            /** @description True when prices come from an illustrative table, not a real price list. */
            illustrative: boolean;
            /** @description Whether a custom pricing agreement applies. */
            customPricing: boolean;
            models: components["schemas"]["PricingModel"][];
        };
        /** @description The account's price beside the list price. */
        Quote: {
            cost: components["schemas"]["Cost"];
            listCost: components["schemas"]["Cost"];
            /** @description The discount applied, in percent. */
            discountPercent: number;
            /** @description The pricing key the request matched, e.g. `PHOENIX`. */
            modelKey: string;
        };
    };
    responses: {
        /** @description The request body is over 64 KiB (65,536 bytes), the most a billing operation reads; nothing was read whole or changed. */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The request has a body that is not `application/json` in UTF-8 (no `Content-Type`, a form, text, or another charset); nothing was read or changed. */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The request is malformed: a blank body where one is required, invalid JSON, an object that gives a key more than once (its `details.key` names it), a missing required header such as `Idempotency-Key` on `POST /billing/top-ups`, an `Idempotency-Key` that is not 1 to 255 URL-safe characters not beginning with `.` (checked before the body), or an unreadable cursor. */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The API key is missing, invalid or revoked. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The image or variation the request refers to does not exist or is not visible to this API key. */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The balance cannot cover the request. The request was refused and nothing was deducted; requests are paused until credit is added (top up manually or enable auto top-up), then resume at once. `details` carries the balance and the amount the request required. */
        InsufficientBalance: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InsufficientBalanceError"];
            };
        };
        /** @description The payment could not be taken: declined by the card issuer (`PAYMENT_DECLINED`) or no saved payment method (`NO_PAYMENT_METHOD`). Nothing was charged and the balance is unchanged. */
        PaymentDeclined: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The request conflicts with the account's state: an `Idempotency-Key` reused with a different body, or a top-up sent with a key that a lookup already answered 404 for and so cancelled (`IDEMPOTENCY_CONFLICT`, then with `details.reason` `CANCELLED_BY_LOOKUP`), or a migration requested for an account that is not on a subscription (`ALREADY_ON_PAYG`). */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description One or more fields are invalid (out of range, wrong type, not allowed by server policy). `fieldErrors` lists each problem. */
        ValidationFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ValidationError"];
            };
        };
        /** @description Too many requests. Wait for the number of seconds in `Retry-After`, then retry. */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description An unexpected error. Nothing was charged; safe to retry reads and idempotent writes. */
        ServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
        /** @description The service (or its payment processor) is temporarily unavailable. Retry after `Retry-After` seconds when given. */
        ServiceUnavailable: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ApiError"];
            };
        };
    };
    parameters: {
        /**
         * @description A unique key for this user intent (for example a UUID generated once and reused on every retry). The same key with the same body replays the first response with `Idempotent-Replayed: true` and performs the write once; the same key with a different body is a 409 `IDEMPOTENCY_CONFLICT`. Keys are 1 to 255 URL-safe characters (letters, digits, `-`, `_`, `.`, `~`) not beginning with `.`, such as a UUID, so that `GET /billing/top-ups/{idempotencyKey}` can find them as one path segment; any other key is a 400 `BAD_REQUEST` and nothing is written.
         * @example 6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10
         */
        IdempotencyKey: string;
        /**
         * @description Required. A unique key for this top-up intent, generated once and reused on every retry, so that a payment is taken at most once. The same key with the same body replays the first response with `Idempotent-Replayed: true`; the same key with a different body is a 409 `IDEMPOTENCY_CONFLICT`; a missing key is a 400 `BAD_REQUEST`. A key a lookup has answered 404 for is cancelled: a top-up sent with it is a 409 `IDEMPOTENCY_CONFLICT` and charges nothing. Keys are 1 to 255 URL-safe characters (letters, digits, `-`, `_`, `.`, `~`) not beginning with `.`, such as a UUID, so that `GET /billing/top-ups/{idempotencyKey}` can find them as one path segment; any other key is a 400 `BAD_REQUEST` and nothing is written.
         * @example 6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10
         */
        IdempotencyKeyRequired: string;
        /**
         * @description Opaque cursor from the previous page's `nextCursor`. Omit for the first page.
         * @example eyJiZWZvcmUiOiJ0eF8wMUowQTdLNDBBIn0
         */
        Cursor: string;
        /**
         * @description Page size.
         * @example 20
         */
        Limit: number;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Seconds to wait before retrying.
         * @example 30
         */
        RetryAfter: number;
        /**
         * @description Present and `true` when this response is a replay of an earlier request with the same `Idempotency-Key`; nothing was written again.
         * @example true
         */
        IdempotentReplayed: "true";
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getUserSelf: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user details of the account. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetUserSelfResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    pricingCalculator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PricingCalculatorRequest"];
            };
        };
        responses: {
            /** @description The cost of the described request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PricingCalculatorResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateGenerationRequest"];
            };
        };
        responses: {
            /** @description The generation job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateGenerationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getGenerationById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the generation to return.
                 * @example 7f3b2c1d-4e5a-4b6c-8d7e-9f0a1b2c3d4e
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The generation, or null. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetGenerationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createVariationUpscale: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVariationUpscaleRequest"];
            };
        };
        responses: {
            /** @description The upscale job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateVariationUpscaleResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createVariationNoBG: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVariationNoBgRequest"];
            };
        };
        responses: {
            /** @description The background-removal job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateVariationNoBgResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createVariationUnzoom: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVariationUnzoomRequest"];
            };
        };
        responses: {
            /** @description The unzoom job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateVariationUnzoomResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createUniversalUpscalerJob: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUniversalUpscalerJobRequest"];
            };
        };
        responses: {
            /** @description The upscaler job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateUniversalUpscalerJobResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVariationById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the variation.
                 * @example 2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The variation, in a list of at most one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetVariationByIdResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMotionVariationById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The ID of the motion variation.
                 * @example 6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The motion variation, in a list of at most one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GetMotionVariationByIdResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createSVDMotionGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateSVDMotionGenerationRequest"];
            };
        };
        responses: {
            /** @description The motion job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateSVDMotionGenerationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTextToVideoGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTextToVideoGenerationRequest"];
            };
        };
        responses: {
            /** @description The video job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateTextToVideoGenerationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createImageToVideoGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateImageToVideoGenerationRequest"];
            };
        };
        responses: {
            /** @description The video job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateImageToVideoGenerationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createVideoUpscale: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateVideoUpscaleRequest"];
            };
        };
        responses: {
            /** @description The video upscale job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateVideoUpscaleResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            404: components["responses"]["NotFound"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createLCMGeneration: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLCMGenerationRequest"];
            };
        };
        responses: {
            /** @description The image, charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateLCMGenerationResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    performInstantRefine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PerformInstantRefineRequest"];
            };
        };
        responses: {
            /** @description The image, charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PerformInstantRefineResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    performInpaintingLCM: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PerformInpaintingLCMRequest"];
            };
        };
        responses: {
            /** @description The image, charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PerformInpaintingLCMResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    performAlchemyUpscaleLCM: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PerformAlchemyUpscaleLCMRequest"];
            };
        };
        responses: {
            /** @description The image, charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PerformAlchemyUpscaleLCMResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    promptImprove: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PromptImproveRequest"];
            };
        };
        responses: {
            /** @description The prompt, charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptImproveResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    promptRandom: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The prompt, charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PromptRandomResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createElement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateElementRequest"];
            };
        };
        responses: {
            /** @description The training job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateElementResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createModel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateModelRequest"];
            };
        };
        responses: {
            /** @description The training job was accepted and charged. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreateModelResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["InsufficientBalance"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getBalance: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current balance. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Balance"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTopUps: {
        parameters: {
            query?: {
                /**
                 * @description Opaque cursor from the previous page's `nextCursor`. Omit for the first page.
                 * @example eyJiZWZvcmUiOiJ0eF8wMUowQTdLNDBBIn0
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of top-ups. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopUpList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createTopUp: {
        parameters: {
            query?: never;
            header: {
                /**
                 * @description Required. A unique key for this top-up intent, generated once and reused on every retry, so that a payment is taken at most once. The same key with the same body replays the first response with `Idempotent-Replayed: true`; the same key with a different body is a 409 `IDEMPOTENCY_CONFLICT`; a missing key is a 400 `BAD_REQUEST`. A key a lookup has answered 404 for is cancelled: a top-up sent with it is a 409 `IDEMPOTENCY_CONFLICT` and charges nothing. Keys are 1 to 255 URL-safe characters (letters, digits, `-`, `_`, `.`, `~`) not beginning with `.`, such as a UUID, so that `GET /billing/top-ups/{idempotencyKey}` can find them as one path segment; any other key is a 400 `BAD_REQUEST` and nothing is written.
                 * @example 6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10
                 */
                "Idempotency-Key": components["parameters"]["IdempotencyKeyRequired"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TopUpRequest"];
            };
        };
        responses: {
            /** @description The top-up succeeded and the balance was credited. */
            201: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopUpResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentDeclined"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTopUpByIdempotencyKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The `Idempotency-Key` the top-up was sent with. Only keys made of URL-safe characters (letters, digits, `-`, `_`, `.`, `~`) that do not begin with `.` (so never a dot segment such as `..`), such as the UUIDs the kit makes, can be looked up.
                 * @example 6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10
                 */
                idempotencyKey: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A top-up was made with this key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TopUpLookup"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description No top-up was made with this key, and none will be: the key is now cancelled, so nothing was or will be charged under it. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiError"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAutoTopUp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The auto top-up settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoTopUp"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    updateAutoTopUp: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key for this user intent (for example a UUID generated once and reused on every retry). The same key with the same body replays the first response with `Idempotent-Replayed: true` and performs the write once; the same key with a different body is a 409 `IDEMPOTENCY_CONFLICT`. Keys are 1 to 255 URL-safe characters (letters, digits, `-`, `_`, `.`, `~`) not beginning with `.`, such as a UUID, so that `GET /billing/top-ups/{idempotencyKey}` can find them as one path segment; any other key is a 400 `BAD_REQUEST` and nothing is written.
                 * @example 6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutoTopUpUpdate"];
            };
        };
        responses: {
            /** @description The saved settings, the balance, and the top-up triggered at once, if any. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoTopUpResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentDeclined"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    disableAutoTopUp: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key for this user intent (for example a UUID generated once and reused on every retry). The same key with the same body replays the first response with `Idempotent-Replayed: true` and performs the write once; the same key with a different body is a 409 `IDEMPOTENCY_CONFLICT`. Keys are 1 to 255 URL-safe characters (letters, digits, `-`, `_`, `.`, `~`) not beginning with `.`, such as a UUID, so that `GET /billing/top-ups/{idempotencyKey}` can find them as one path segment; any other key is a 400 `BAD_REQUEST` and nothing is written.
                 * @example 6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Auto top-up is off. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutoTopUpResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    listTransactions: {
        parameters: {
            query?: {
                /**
                 * @description Opaque cursor from the previous page's `nextCursor`. Omit for the first page.
                 * @example eyJiZWZvcmUiOiJ0eF8wMUowQTdLNDBBIn0
                 */
                cursor?: components["parameters"]["Cursor"];
                /**
                 * @description Page size.
                 * @example 20
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description Only return transactions of this type.
                 * @example USAGE
                 */
                type?: components["schemas"]["TransactionType"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of transactions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransactionList"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUsage: {
        parameters: {
            query?: {
                /**
                 * @description First day of the range (YYYY-MM-DD, UTC, inclusive). Defaults to `days - 1` days before `to`.
                 * @example 2025-05-31
                 */
                from?: string;
                /**
                 * @description Last day of the range (YYYY-MM-DD, UTC, inclusive). Defaults to today.
                 * @example 2025-06-01
                 */
                to?: string;
                /**
                 * @description Number of days ending `to`, when `from` is not given. Default 30.
                 * @example 30
                 */
                days?: components["schemas"]["UsageDays"];
                /** @description Size of each bucket: `DAY` (default), `WEEK` (ISO weeks, Monday to Sunday, UTC) or `MONTH` (calendar months, UTC). */
                granularity?: components["schemas"]["UsageGranularity"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The usage report. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UsageReport"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPaymentMethod: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The saved payment method, or null. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentMethodResponse"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The subscription state. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Subscription"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMigrationPreview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The migration preview. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationPreview"];
                };
            };
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    migrateToPayg: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description A unique key for this user intent (for example a UUID generated once and reused on every retry). The same key with the same body replays the first response with `Idempotent-Replayed: true` and performs the write once; the same key with a different body is a 409 `IDEMPOTENCY_CONFLICT`. Keys are 1 to 255 URL-safe characters (letters, digits, `-`, `_`, `.`, `~`) not beginning with `.`, such as a UUID, so that `GET /billing/top-ups/{idempotencyKey}` can find them as one path segment; any other key is a 400 `BAD_REQUEST` and nothing is written.
                 * @example 6f1c9a52-2a6b-4c1e-9d0e-2f7b1f3c8a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account is on PAYG. */
            200: {
                headers: {
                    "Idempotent-Replayed": components["headers"]["IdempotentReplayed"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationResult"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            415: components["responses"]["UnsupportedMediaType"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPricing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pricing overview. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Pricing"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    quotePrice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PricingCalculatorRequest"];
            };
        };
        responses: {
            /** @description The quote. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Quote"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["ServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
