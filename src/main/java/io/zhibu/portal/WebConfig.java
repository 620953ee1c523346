package io.zhibu.portal;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** zh-CN by default; {@code ?lang=en} switches to English and is remembered in a cookie. */
@Configuration
public class WebConfig implements WebMvcConfigurer {
    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver r = new CookieLocaleResolver("zhibu-lang");
        // No cookie: English only for clients that ask for it first (API clients, English browsers); else zh-CN.
        r.setDefaultLocaleFunction(req -> {
            String h = req.getHeader("Accept-Language");
            return h != null && h.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        });
        r.setCookieMaxAge(Duration.ofDays(365));
        return r;
    }

    /**
     * The message bundles ({@code spring.messages.*}) with whole numbers passed as plain digits: MessageFormat would
     * print a year as "2,026" and an id or count as "10,000"; the pages print numbers without grouping everywhere.
     */
    @Bean
    org.springframework.context.MessageSource messageSource(
            @org.springframework.beans.factory.annotation.Value("${spring.messages.basename:i18n/messages}") String basename,
            @org.springframework.beans.factory.annotation.Value("${spring.messages.encoding:UTF-8}") String encoding) {
        PlainNumberMessageSource s = new PlainNumberMessageSource();
        s.setBasenames(org.springframework.util.StringUtils.commaDelimitedListToStringArray(
                org.springframework.util.StringUtils.trimAllWhitespace(basename)));
        s.setDefaultEncoding(encoding);
        s.setFallbackToSystemLocale(false);
        return s;
    }

    /** See {@link #messageSource}: integral arguments are formatted as plain digits. */
    static class PlainNumberMessageSource extends org.springframework.context.support.ResourceBundleMessageSource {
        @Override
        protected Object[] resolveArguments(Object[] args, Locale locale) {
            Object[] out = super.resolveArguments(args, locale);
            for (int i = 0; i < out.length; i++) {
                if (out[i] instanceof Integer || out[i] instanceof Long || out[i] instanceof Short
                        || out[i] instanceof java.math.BigInteger) {
                    out[i] = String.valueOf(out[i]);
                }
            }
            return out;
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor i = new LocaleChangeInterceptor();
        i.setParamName("lang");
        registry.addInterceptor(i);
    }
}
