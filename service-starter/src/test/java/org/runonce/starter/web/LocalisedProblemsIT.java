package org.runonce.starter.web;

import static org.runonce.starter.app.Tokens.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.runonce.localstack.spring.WithLocalInfrastructure;
import org.runonce.starter.app.StarterTestApplication;
import org.runonce.starter.app.Tokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Problems in the caller's language by Accept-Language (zh-CN or en; English when absent or unsupported). */
@SpringBootTest(classes = StarterTestApplication.class)
@AutoConfigureMockMvc
@WithLocalInfrastructure
class LocalisedProblemsIT {

    @Autowired
    MockMvc mvc;

    private ResultActions note7(String language) throws Exception {
        var request = get("/api/test/notes/7")
                .header(HttpHeaders.AUTHORIZATION, bearer(Tokens.user("li.si", "SAMR", "reviewer")));
        if (language != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return mvc.perform(request).andExpect(status().isNotFound());
    }

    private ResultActions invalidNote(String language) throws Exception {
        var request = post("/api/test/notes")
                .header(HttpHeaders.AUTHORIZATION, bearer(Tokens.user("li.si", "SAMR", "reviewer")))
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"id": "far-too-long-for-an-id", "text": " ", "priority": 9}""");
        if (language != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        return mvc.perform(request).andExpect(status().isBadRequest());
    }

    @Test
    void aRefusalIsAnsweredInChineseWithItsMembersInTheServicesTemplate() throws Exception {
        note7("zh-CN,zh;q=0.9,en;q=0.5")
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "zh-CN"))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/note-not-found"))
                .andExpect(jsonPath("$.title").value("未找到便笺"))
                .andExpect(jsonPath("$.detail").value("没有编号为 7 的便笺"))
                .andExpect(jsonPath("$.number").value(7));
    }

    @Test
    void englishWhenAskedForAbsentOrUnsupported() throws Exception {
        for (String language : new String[] {"en", null, "fr-FR,fr;q=0.9"}) {
            note7(language)
                    .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "en"))
                    .andExpect(jsonPath("$.title").value("Note not found"))
                    .andExpect(jsonPath("$.detail").value("No note 7"));
        }
    }

    @Test
    void everyFieldErrorHasAStableCodeAndAMessageInTheCallersLanguage() throws Exception {
        invalidNote(null)
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.title").value("Validation failed"))
                .andExpect(jsonPath("$.detail").value("3 fields are invalid."))
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.contains("id", "priority", "text")))
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.contains("SIZE", "MAX", "REQUIRED")))
                .andExpect(jsonPath("$.errors[2].message").value("must not be blank"));
        invalidNote("zh-CN")
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "zh-CN"))
                .andExpect(jsonPath("$.title").value("校验失败"))
                .andExpect(jsonPath("$.detail").value("有字段无效，详见 errors。"))
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.contains("SIZE", "MAX", "REQUIRED")))
                .andExpect(jsonPath("$.errors[2].message").value("不能为空"))
                // the validator's own message, in the request's language
                .andExpect(jsonPath("$.errors[1].message").value(Matchers.not(Matchers.containsString("must"))));
    }

    @Test
    void filtersAnswerInTheCallersLanguageToo() throws Exception {
        mvc.perform(get("/api/test/whoami").header(HttpHeaders.ACCEPT_LANGUAGE, "zh-CN"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "zh-CN"))
                .andExpect(header().exists(HttpHeaders.WWW_AUTHENTICATE))
                .andExpect(jsonPath("$.type").value("https://runonce.org/problems/unauthorized"))
                .andExpect(jsonPath("$.title").value("未认证"))
                .andExpect(jsonPath("$.detail").value("此请求需要有效的持有者令牌（bearer token）。"));
        mvc.perform(get("/api/test/whoami").header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "en"))
                .andExpect(jsonPath("$.title").value("Unauthorized"))
                .andExpect(jsonPath("$.detail").value("A bearer token is required."));
    }

    @Test
    void aTypeMismatchDetailIsATemplateOfItsParameter() throws Exception {
        mvc.perform(get("/api/test/notes/not-a-number")
                        .header(HttpHeaders.AUTHORIZATION, bearer(Tokens.user("li.si", "SAMR", "reviewer")))
                        .header(HttpHeaders.ACCEPT_LANGUAGE, "zh"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string(HttpHeaders.CONTENT_LANGUAGE, "zh-CN"))
                .andExpect(jsonPath("$.title").value("类型不匹配"))
                .andExpect(jsonPath("$.detail").value("参数“number”的类型不对。"));
    }
}
