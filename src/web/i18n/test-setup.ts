// Unit tests speak the source language unless a test switches: Lingui's `t` needs an active locale.
import { i18n } from '@lingui/core';

i18n.loadAndActivate({ locale: 'en', messages: {} });
